// The Events page: every relay under a rule set, its legs and exchange zones.
import { api, ApiError } from "./api.js";
import { h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { RULES_TEXT } from "./format.js";

export async function eventsPage(main, params = new URLSearchParams()) {
  const rules = params.get("rules") || "";
  const list = h("div", { class: "events", "aria-live": "polite" });
  const requests = latest(list);
  const selectId = uid("rules");
  const select = h("select", { id: selectId, onchange: () => load(list, requests, select.value) },
    Object.entries(RULES_TEXT).map(([k, v]) => h("option", { value: k }, v)));
  replace(main, h("h1", {}, "Relay events"),
    h("p", { class: "hint" }, "Legs, exchange zones and lane rules for each relay."),
    h("label", { for: selectId, class: "inline" }, "Rule set ", select), list);
  const doc = await load(list, requests, rules);
  if (doc) select.value = doc.rules;
}

async function load(list, requests, rules) {
  try {
    const doc = await requests.run((signal) =>
      api("GET", `/api/events${rules ? `?rules=${encodeURIComponent(rules)}` : ""}`, { signal }), rules);
    if (doc === STALE) return null;
    list.dataset.request = doc.rules;
    replace(list, doc.events.map(eventCard));
    return doc;
  } catch (err) {
    replace(list, h("p", { class: "error", role: "alert" }, err instanceof ApiError ? err.describe() : String(err)));
    return null;
  }
}

function metres(m) {
  return `${Math.round(m * 100) / 100} m`;
}

function eventCard(e) {
  const legs = e.legs.map((l) => metres(l.distance_m)).join(" – ");
  return h("article", { class: "card event" },
    h("h2", {}, e.name, " ", h("span", { class: "muted" }, `(${e.id})`)),
    h("p", {}, h("strong", {}, "Legs: "), `${legs} (${metres(e.total_m)} in all)`,
      e.sex_rule === "mixed-2-2" ? " · two men and two women, any order" : ""),
    h("p", {}, h("strong", {}, "Lanes: "), e.lanes),
    h("ul", { class: "zones" }, e.exchanges.map((z) => h("li", {},
      `Exchange ${z.from_leg}→${z.to_leg}: ${metres(z.zone_length_m)} zone, ` +
      `${z.blind ? "blind" : "visual"}, ${z.in_lanes ? "in lanes" : "not in lanes"}, ` +
      `scratch line ${metres(z.scratch_from_zone_start_m)} into the zone`,
      z.rule ? h("span", { class: "muted" }, ` (${z.rule})`) : null))));
}
