// The Cards & report page: for the fastest order or one chosen leg by leg, every runner's relay
// card or the full relay report, shown in a sandboxed frame and printed from it.
import { api } from "./api.js";
import { announce, focusResult, h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { describe, errorBox, loadRelays, relayChooser, timeText } from "./relay_form.js";

const KINDS = {
  cards: { label: "Cards (one per runner)", title: "Relay cards" },
  report: { label: "Full report", title: "Relay report" },
};

export async function cardsPage(main, params = new URLSearchParams()) {
  replace(main, h("h1", {}, "Cards & report"), h("p", { class: "muted" }, "Loading the roster…"));
  let data;
  try {
    data = await loadRelays();
  } catch (err) {
    replace(main, h("h1", {}, "Cards & report"), errorBox(err));
    return;
  }
  if (!data.team.athletes.length) {
    replace(main, h("h1", {}, "Cards & report"),
      h("p", { class: "empty" }, "No athletes yet: add them on the ", h("a", { href: "#/roster" }, "Roster"), " page."));
    return;
  }
  const view = render(main, data, params);
  if (params.get("order")) await view.show({ focus: false });
}

function render(main, data, params) {
  const chooser = relayChooser(data, params);
  const group = uid("kind");
  const wanted = KINDS[params.get("show")] ? params.get("show") : "cards";
  const kinds = Object.entries(KINDS).map(([value, k]) => h("label", { class: "choice radio" },
    h("input", { type: "radio", name: group, value, checked: value === wanted }), k.label));
  const error = h("p", { class: "error", role: "alert" });
  const result = h("section", { class: "printout", "aria-live": "polite", "aria-label": "Cards and report" });

  const printouts = latest(result);
  const show = async ({ focus = true } = {}) => {
    error.textContent = "";
    const kind = kinds.map((l) => l.querySelector("input")).find((i) => i.checked).value;
    const body = chooser.request();
    try {
      // The API checks the request and answers the order it used; the frame then loads the same
      // page from the print route, whose own policy allows the page's inline styles.
      const doc = await printouts.run((signal) => api("POST", `/api/${kind}`, { json: body, signal }),
        `${kind} ${body.event}${body.order ? `: ${body.order.join(", ")}` : ""}`);
      if (doc === STALE) return;
      replace(result, printout(kind, doc));
      announce(`${KINDS[kind].title} ready: ${doc.order.join(", ")}`);
      if (focus) focusResult(result);
    } catch (err) {
      replace(result);
      error.textContent = describe(err);
    }
  };
  const form = h("form", { class: "card", onsubmit: (e) => { e.preventDefault(); show(); } },
    chooser.fields,
    h("fieldset", {}, h("legend", {}, "Show"), h("div", { class: "choice-row" }, kinds)),
    error,
    h("button", { type: "submit", class: "primary" }, "Show"));
  replace(main, h("h1", {}, "Cards & report"),
    h("p", { class: "hint" }, "A card for each runner (where to wait, hands, go-mark, target splits) and the full report, ready to print."),
    form, result);
  return { show };
}

function printUrl(kind, doc, leg) {
  const q = new URLSearchParams({ event: doc.event, order: doc.order.join(",") });
  if (leg) q.set("leg", String(leg));
  return `/print/${kind}?${q}`;
}

/** Each runner's own card as a link to send them: it opens on their phone and prints alone. */
function runnerLinks(doc) {
  return h("details", { class: "runner-links" }, h("summary", {}, "A link to each runner's card"),
    h("ul", {}, doc.order.map((name, i) => h("li", {},
      h("a", { href: new URL(printUrl("cards", doc, i + 1), location.href).href, target: "_blank", rel: "noopener" },
        `Leg ${i + 1}: ${name}`)))));
}

function printout(kind, doc) {
  const title = `${KINDS[kind].title}: ${doc.name}`;
  const url = printUrl(kind, doc);
  // No scripts run in the frame (no allow-scripts, and the print route's policy forbids them);
  // same origin only so this page can size the frame and print it.
  const frame = h("iframe", { class: "printout-frame", title, src: url,
    sandbox: "allow-same-origin allow-modals" });
  frame.addEventListener("load", () => {
    const inner = frame.contentDocument;
    if (inner && inner.documentElement) {
      frame.style.height = `${inner.documentElement.scrollHeight + 24}px`;
    }
  });
  const print = h("button", { type: "button", class: "primary", onclick: () => {
    if (frame.contentWindow) frame.contentWindow.print();
  } }, kind === "cards" ? "Print the cards" : "Print the report");
  return h("div", {},
    h("h2", {}, title),
    h("p", {}, doc.chosen ? "Running order chosen: " : "Fastest order: ",
      h("strong", {}, doc.order.join(" → ")), ` (${timeText(doc.team_time_s)} predicted)`),
    h("div", { class: "buttons" }, print,
      h("a", { class: "button secondary", href: url, target: "_blank", rel: "noopener" }, "Open in a new tab")),
    kind === "cards" ? runnerLinks(doc) : null,
    frame);
}
