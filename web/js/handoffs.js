// The Hand-off page: for a running order, each exchange's diagram, hands, technique, go-mark
// (foot lengths and metres) and the risk of a failed pass.
import { api } from "./api.js";
import { counted, diffText, percentText } from "./format.js";
import { announce, focusResult, h, replace, svgFigure, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { describe, drawRunners as drawRunnersOf, errorBox, eventSelect, intervalText, loadRelays,
  timeText } from "./relay_form.js";

export async function handoffsPage(main, params = new URLSearchParams()) {
  replace(main, h("h1", {}, "Hand-offs"), h("p", { class: "muted" }, "Loading the roster…"));
  let data;
  try {
    data = await loadRelays();
  } catch (err) {
    replace(main, h("h1", {}, "Hand-offs"), errorBox(err));
    return;
  }
  const order = (params.get("order") || "").split(",").filter(Boolean);
  const view = render(main, data, params.get("event"), order);
  if (order.length) await view.plan({ focus: false });
}

function render(main, { team, events }, eventParam, order) {
  const eventId = uid("event");
  const select = eventSelect(eventId, events, eventParam);
  const runners = h("div", { class: "row runners" });
  const error = h("p", { class: "error", role: "alert" });
  const result = h("section", { "aria-live": "polite", "aria-label": "Hand-off plan" });
  const drawRunners = (names) =>
    drawRunnersOf(runners, team, events.find((e) => e.id === select.value), names);
  select.addEventListener("change", () => drawRunners([]));
  drawRunners(order);

  const plans = latest(result);
  const plan = async ({ focus = true } = {}) => {
    error.textContent = "";
    const names = [...runners.querySelectorAll("select")].map((s) => s.value);
    const body = { event: select.value, order: names };
    try {
      const doc = await plans.run((signal) => api("POST", "/api/plans", { json: body, signal }),
        `${body.event}: ${names.join(", ")}`);
      if (doc === STALE) return;
      replace(result, planView(doc));
      announce(`Plan ready: ${timeText(doc.team_time_s)}`);
      if (focus) focusResult(result);
    } catch (err) {
      replace(result);
      error.textContent = describe(err);
    }
  };
  const form = h("form", { class: "card", onsubmit: (e) => { e.preventDefault(); plan(); } },
    h("div", { class: "row" }, h("label", { for: eventId }, "Relay", select)),
    h("fieldset", {}, h("legend", {}, "Running order"), runners),
    error,
    h("button", { type: "submit", class: "primary" }, "Plan the hand-offs"));
  replace(main, h("h1", {}, "Hand-offs"),
    h("p", { class: "hint" }, "Where each outgoing runner stands, the go-mark to tape, the hands and the risk."),
    form, result);
  return { plan };
}

/**
 * The zone diagram from our own library, as real SVG elements: one laid out for laptops and
 * paper, one for phones (labels listed under the lane); the style sheet shows the one that fits.
 */
function diagram(x, label) {
  return [svgFigure(x.svg, label, "zone-svg", "zone wide-only"),
    x.svg_narrow ? svgFigure(x.svg_narrow, label, "zone-svg", "zone narrow-only") : null];
}

function exchangeCard(x) {
  const title = `Exchange ${x.exchange}: ${x.from} → ${x.to}`;
  const mark = x.visual
    ? `go when the incoming runner is ${x.go_mark_m.toFixed(2)} m away (visual)`
    : `${x.go_mark_foot_lengths.toFixed(1)} foot lengths (${x.go_mark_m.toFixed(2)} m)`;
  const item = (term, ...value) => [h("dt", {}, term), h("dd", {}, ...value)];
  return h("article", { class: "card exchange", dataset: { exchange: String(x.exchange) } },
    h("h2", {}, title),
    diagram(x, `Zone diagram of exchange ${x.exchange}`),
    h("dl", { class: "facts" },
      item("Hands", `${x.carry_hand_in} hand to ${x.receive_hand} hand`),
      item("Technique", x.technique),
      item(x.visual ? "Cue" : "Go-mark", mark),
      item("Outgoing start", `${x.start_m.toFixed(1)} m into the zone`),
      item("Pass", `${x.baton_position_m.toFixed(1)} m into the ${x.zone_length_m} m zone`),
      item("Risk of a failed pass", percentText(x.p_illegal)),
      x.visual ? null : item("Late pass (receiver eases)", percentText(x.p_late)),
      x.safer_go_mark_m ? item("Safer mark", `${x.safer_go_mark_m.toFixed(2)} m: ${percentText(x.safer_p_illegal)} risk`) : null,
      x.legal ? null : item("Not legal", x.reason || ""),
      item("Tell the runner", x.cue),
      x.rationale ? item("Why this mark", x.rationale) : null));
}

/** What the pairs' practice records add to the plan's team time, in words; null for none. */
function practiceNote(doc) {
  const drilled = doc.exchanges.filter((x) => (x.practice_s || 0) !== 0);
  if (!drilled.length) return null;
  const total = drilled.reduce((sum, x) => sum + x.practice_s, 0);
  return h("p", { class: "hint" }, `Includes ${diffText(total)} for the practice record of ${counted(drilled.length, "pair")} (drills and logged races), as the lineup counts it.`);
}

function planView(doc) {
  return h("div", {},
    h("h2", {}, `${doc.name}: ${timeText(doc.team_time_s)} predicted`),
    h("p", { class: "hint" }, intervalText(doc)),
    practiceNote(doc),
    h("div", { class: "scroll-x", tabindex: "0", role: "region", "aria-label": "Legs and carrying hands" },
      h("table", { class: "legs" },
      h("caption", { class: "sr" }, "Legs and carrying hands"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Leg"), h("th", { scope: "col" }, "Athlete"),
        h("th", { scope: "col", class: "num" }, "Split"), h("th", { scope: "col" }, "Receives"),
        h("th", { scope: "col" }, "Carries"))),
      h("tbody", {}, doc.legs.map((l) => h("tr", {},
        h("td", {}, String(l.leg)), h("th", { scope: "row" }, l.athlete),
        h("td", { class: "num" }, timeText(l.split_s)), h("td", {}, l.leg === 1 ? "starts with it" : l.receive_hand),
        h("td", {}, l.carry_hand)))))),
    doc.warnings.length ? h("ul", { class: "warnings" }, doc.warnings.map((w) => h("li", {}, w))) : null,
    doc.exchanges.map(exchangeCard));
}
