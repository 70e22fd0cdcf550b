// The Lineup page: the fastest running order for one relay, with locked legs, athletes left
// out, and the next-best orders with their gaps.
import { api } from "./api.js";
import { announce, h, replace, uid } from "./dom.js";
import { SEX_TEXT } from "./format.js";
import { cardsLink, describe, errorBox, eventSelect, loadRelays, oddsLink, planLink, timeText }
  from "./relay_form.js";

export async function lineupPage(main, params = new URLSearchParams()) {
  replace(main, h("h1", {}, "Lineup"), h("p", { class: "muted" }, "Loading the roster…"));
  let data;
  try {
    data = await loadRelays();
  } catch (err) {
    replace(main, h("h1", {}, "Lineup"), errorBox(err));
    return;
  }
  if (!data.team.athletes.length) {
    replace(main, h("h1", {}, "Lineup"),
      h("p", { class: "empty" }, "No athletes yet: add them on the ", h("a", { href: "#/roster" }, "Roster"), " page."));
    return;
  }
  render(main, data, params);
}

function render(main, { team, events }, params) {
  const eventId = uid("event");
  const sexId = uid("sex");
  const topId = uid("top");
  const result = h("section", { class: "result-area", "aria-live": "polite", "aria-label": "Best lineup" });
  const error = h("p", { class: "error", role: "alert" });
  const select = eventSelect(eventId, events, params.get("event"));
  const sex = h("select", { id: sexId, name: "sex" },
    h("option", { value: "" }, "Either"),
    Object.entries(SEX_TEXT).map(([k, v]) => h("option", { value: k }, v)));
  if (params.get("sex")) sex.value = params.get("sex");
  const top = h("input", { id: topId, name: "top", type: "number", min: 0, max: 50, value: "3",
    inputmode: "numeric" });
  const locks = h("fieldset", { class: "locks" });
  const excludes = h("fieldset", { class: "excludes" },
    h("legend", {}, "Leave out"),
    h("div", { class: "checks" }, team.athletes.map((a) => h("label", { class: "check" },
      h("input", { type: "checkbox", name: "exclude", value: a.name }), `${a.name} (${a.sex})`))));

  const athletesFor = () => team.athletes.filter((a) => !sex.value || a.sex === sex.value);
  const drawLocks = () => {
    const event = events.find((e) => e.id === select.value);
    replace(locks, h("legend", {}, "Fix a leg (optional)"),
      h("div", { class: "row" }, event.legs.map((leg, i) => {
        const id = uid("lock");
        return h("label", { for: id }, `Leg ${i + 1} (${leg.distance_m} m)`,
          h("select", { id, name: "lock", dataset: { leg: String(i + 1) } },
            h("option", { value: "" }, "Best available"),
            athletesFor().map((a) => h("option", { value: a.name }, a.name))));
      })));
  };
  select.addEventListener("change", drawLocks);
  sex.addEventListener("change", drawLocks);
  drawLocks();

  const form = h("form", {
    class: "card lineup-form", onsubmit: async (e) => {
      e.preventDefault();
      error.textContent = "";
      const body = { event: select.value, top: Number(top.value || 0) };
      if (sex.value) body.sex = sex.value;
      const lockMap = {};
      for (const s of locks.querySelectorAll("select")) if (s.value) lockMap[s.dataset.leg] = s.value;
      if (Object.keys(lockMap).length) body.locks = lockMap;
      const out = [...excludes.querySelectorAll("input:checked")].map((c) => c.value);
      if (out.length) body.exclude = out;
      try {
        const doc = await api("POST", "/api/lineups", { json: body });
        replace(result, lineupView(doc));
        announce(`Best order: ${timeText(doc.team_time_s)}`);
      } catch (err) {
        replace(result);
        error.textContent = describe(err);
      }
    } },
  h("div", { class: "row" },
    h("label", { for: eventId }, "Relay", select),
    h("label", { for: sexId }, "Runners", sex),
    h("label", { for: topId }, "Alternatives", top)),
  locks,
  h("details", {}, h("summary", {}, "Leave out athletes (injured, absent, saved)"), excludes),
  error,
  h("button", { type: "submit", class: "primary" }, "Find the best order"));

  replace(main, h("h1", {}, "Lineup"),
    h("p", { class: "hint" }, "The fastest running order from the roster's marks, legs and exchanges predicted."),
    form, result);
}

function lineupView(doc) {
  return h("div", { class: "card lineup" },
    h("h2", {}, `Best order: ${timeText(doc.team_time_s)}`),
    h("table", { class: "legs" },
      h("caption", { class: "sr" }, `Best order for the ${doc.name}`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Leg"), h("th", { scope: "col" }, "Athlete"),
        h("th", { scope: "col", class: "num" }, "Distance"), h("th", { scope: "col", class: "num" }, "Own time"))),
      h("tbody", {}, doc.legs.map((l) => h("tr", {},
        h("td", {}, String(l.leg)), h("th", { scope: "row" }, l.athlete),
        h("td", { class: "num" }, `${l.distance_m} m`), h("td", { class: "num" }, timeText(l.leg_s)))))),
    h("p", { class: "buttons" }, h("a", { class: "button", href: planLink(doc.event, doc.order) }, "Plan the hand-offs"),
      h("a", { class: "button secondary", href: cardsLink(doc.event, doc.order) }, "Cards & report"),
      h("a", { class: "button secondary", href: oddsLink(doc.event, doc.order) }, "Race odds")),
    doc.alternatives.length ? h("div", {},
      h("h3", {}, "Next best orders"),
      h("ol", { class: "alternatives", start: 2 }, doc.alternatives.map((a) => h("li", {},
        a.order.join(" → "), " ", h("strong", {}, timeText(a.team_time_s)),
        h("span", { class: "muted" }, ` (+${a.gap_s.toFixed(2)} s)`), " ",
        h("a", { href: planLink(doc.event, a.order), "aria-label": `Plan the hand-offs of order ${a.order.join(", ")}` }, "Plan"))))) : null);
}
