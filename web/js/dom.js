// A tiny element builder. Text always goes in through textContent, never as HTML, so names
// from the roster cannot inject markup.

/** h("button", {type: "button", onclick: f}, "Save") -> <button type="button">Save</button> */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "value") el.value = value;
    else if (key === "checked") el.checked = true;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

let nextId = 0;
/** A fresh id for label/input pairs. */
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Announces a short message to screen readers and shows it briefly. */
export function announce(text) {
  const box = document.getElementById("status");
  box.textContent = text;
  box.classList.add("shown");
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => box.classList.remove("shown"), 4000);
}

/**
 * A picture drawn by our own library (SVG text) as a real SVG element: parsed as SVG and
 * imported, never set as HTML; scripts and foreign objects are removed. `className` goes on the
 * <svg>, `label` names it for screen readers. Returns a <figure>, or a note when it will not parse.
 */
export function svgFigure(svgText, label, className, figureClass) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) {
    return h("p", { class: "muted" }, "The diagram could not be drawn.");
  }
  for (const s of root.querySelectorAll("script, foreignObject")) s.remove();
  const svg = document.importNode(root, true);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add(className);
  return h("figure", { class: figureClass }, svg);
}

/**
 * Moves focus to a result just drawn: its first heading (made focusable), so the keyboard and a
 * screen reader continue from the answer rather than from the page's top.
 */
export function focusResult(area) {
  const target = area.querySelector("h2, h3") || area;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}
