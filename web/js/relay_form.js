// Pieces shared by the relay pages (Lineup, Hand-offs, Cards & report, Race odds): the roster and
// relays they choose from, running orders, links between the pages, and error text.
import { api, ApiError } from "./api.js";
import { h, replace, uid } from "./dom.js";
import { formatTime, SEX_TEXT } from "./format.js";

/** The roster and the relays of its rule set: {team, events}. */
export async function loadRelays() {
  const [team, events] = await Promise.all([api("GET", "/api/athletes"), api("GET", "/api/events")]);
  return { team, events: events.events };
}

// What every split on these pages is, the same number baton lineup, predict, plan and pacing print.
export const SPLIT_NOTE = "Splits are baton to baton: leg 1 from the gun to the first pass, then pass to pass, the anchor from the last pass to the finish. They add up to the team time.";

export function describe(err) {
  return err instanceof ApiError ? err.describe() : String(err);
}

export function errorBox(err) {
  return h("p", { class: "error", role: "alert" }, describe(err));
}

/** "44.12 s"; a minute or more as coaches write it, "3:26.00". */
export function timeText(seconds) {
  return `${formatTime(seconds)}${seconds < 60 ? " s" : ""}`;
}

/** "8 races in 10 at high-school level: 45.69 s to 48.89 s", saying when the level was
 *  inferred from the marks (a prediction, plan or lineup document). */
export function intervalText(doc) {
  const inferred = doc.level_inferred
    ? " (inferred from the marks; set the team's level on the Roster page)" : "";
  return `8 races in 10 at ${doc.level} level${inferred}: ${timeText(doc.team_time_p10_s)} to ` +
    `${timeText(doc.team_time_p90_s)}`;
}

/** A <select> of the roster's relays, `selected` chosen when present. */
export function eventSelect(id, events, selected) {
  const select = h("select", { id, name: "event" },
    events.map((e) => h("option", { value: e.id }, `${e.name} (${e.id})`)));
  if (selected && events.some((e) => e.id === selected)) select.value = selected;
  return select;
}

/** "#/handoffs?event=4x100&order=A,B,C,D": the Hand-off page for a running order. */
export function planLink(event, order) {
  const q = new URLSearchParams({ event, order: order.join(",") });
  return `#/handoffs?${q}`;
}

/** "#/cards?event=4x100&order=A,B,C,D": the Cards & report page for a running order. */
export function cardsLink(event, order) {
  const q = new URLSearchParams({ event, order: order.join(",") });
  return `#/cards?${q}`;
}

/** "#/odds?event=4x100&order=A,B,C,D": the Race odds page for a running order. */
export function oddsLink(event, order) {
  const q = new URLSearchParams({ event, order: order.join(",") });
  return `#/odds?${q}`;
}

/** One labelled <select> of the roster per leg of `event`, filled from `names` when given. */
export function drawRunners(container, team, event, names = []) {
  replace(container, event.legs.map((leg, i) => {
    const id = uid("runner");
    const s = h("select", { id, name: "runner" }, h("option", { value: "" }, "Choose…"),
      team.athletes.map((a) => h("option", { value: a.name }, `${a.name} (${a.sex})`)));
    if (names[i]) s.value = names[i];
    return h("label", { for: id }, `Leg ${i + 1} (${leg.distance_m} m)`, s);
  }));
}

/**
 * The relay and running order of a request, for the Cards and Race odds pages: the relay, the
 * squad (only when the roster has girls and boys), and either the fastest order or runners
 * chosen leg by leg. `params` may carry event, sex and order (as the lineup page links them).
 * Returns {fields, request(), onEventChange(f)} where request() gives {event, sex?, order?} for
 * the API and f runs when another relay is chosen.
 */
export function relayChooser({ team, events }, params) {
  const eventId = uid("event");
  const sexId = uid("sex");
  const select = eventSelect(eventId, events, params.get("event"));
  const sexes = new Set(team.athletes.map((a) => a.sex));
  const sex = h("select", { id: sexId, name: "sex" },
    Object.entries(SEX_TEXT).filter(([k]) => sexes.has(k)).map(([k, v]) => h("option", { value: k }, v)));
  if (params.get("sex")) sex.value = params.get("sex");
  const sexLabel = h("label", { for: sexId }, "Squad", sex);
  const given = (params.get("order") || "").split(",").filter(Boolean);
  const group = uid("source");
  const fastest = h("input", { type: "radio", name: group, value: "fastest", checked: !given.length });
  const chosen = h("input", { type: "radio", name: group, value: "chosen", checked: given.length > 0 });
  const runners = h("div", { class: "row runners" });
  const runnersBox = h("fieldset", {}, h("legend", {}, "Running order"), runners);
  const event = () => events.find((e) => e.id === select.value);
  const update = () => {
    const mixed = event().sex_rule === "mixed-2-2";
    sexLabel.hidden = sexes.size < 2 || mixed || chosen.checked;
    runnersBox.hidden = !chosen.checked;
  };
  select.addEventListener("change", () => { drawRunners(runners, team, event()); update(); });
  fastest.addEventListener("change", update);
  chosen.addEventListener("change", update);
  drawRunners(runners, team, event(), given);
  update();
  const fields = [
    h("div", { class: "row" }, h("label", { for: eventId }, "Relay", select), sexLabel),
    h("fieldset", {}, h("legend", {}, "Order"),
      h("div", { class: "choice-row" },
        h("label", { class: "choice radio" }, fastest, "Fastest order"),
        h("label", { class: "choice radio" }, chosen, "Choose the runners"))),
    runnersBox,
  ];
  const onEventChange = (f) => select.addEventListener("change", f);
  const request = () => {
    const body = { event: select.value };
    if (chosen.checked) body.order = [...runners.querySelectorAll("select")].map((s) => s.value);
    else if (!sexLabel.hidden) body.sex = sex.value;
    return body;
  };
  return { fields, request, onEventChange };
}
