// Pieces shared by the Lineup and Hand-off pages: the roster and relays they choose from, and
// error text.
import { api, ApiError } from "./api.js";
import { h } from "./dom.js";
import { formatTime } from "./format.js";

/** The roster and the relays of its rule set: {team, events}. */
export async function loadRelays() {
  const [team, events] = await Promise.all([api("GET", "/api/athletes"), api("GET", "/api/events")]);
  return { team, events: events.events };
}

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
