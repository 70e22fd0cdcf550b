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
