// The Lineup page: the fastest running order for one relay, with locked legs, athletes left
// out, the next-best orders with their gaps, and the coach's own changes to the order timed
// against it; or the best lineups for several relays of a meet at once.
import { api } from "./api.js";
import { announce, focusResult, h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { diffText, SEX_TEXT } from "./format.js";
import { cardsLink, describe, errorBox, eventSelect, intervalText, loadRelays, oddsLink, planLink,
  SPLIT_NOTE, timeText } from "./relay_form.js";
import { meetForm } from "./meet.js";

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

// The two modes share the page: only the chosen one's form and result are in the document.
function render(main, data, params) {
  const group = uid("mode");
  const modes = { one: "One event", meet: "Whole meet" };
  const wanted = params.get("mode") === "meet" ? "meet" : "one";
  const views = { one: null, meet: null };
  const area = h("div", { class: "mode-area" });
  const show = (mode) => {
    if (!views[mode]) views[mode] = mode === "meet" ? meetForm(data) : oneRelayForm(data, params);
    replace(area, views[mode]);
  };
  const radios = Object.entries(modes).map(([value, text]) => h("label", { class: "choice radio" },
    h("input", { type: "radio", name: group, value, checked: value === wanted,
      onchange: (e) => { if (e.target.checked) show(value); } }), text));
  show(wanted);
  replace(main, h("h1", {}, "Lineup"),
    h("fieldset", { class: "mode" }, h("legend", {}, "Optimise"), h("div", { class: "choice-row" }, radios)),
    area);
}

function oneRelayForm({ team, events }, params) {
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

  const lineups = latest(result);
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
        const doc = await lineups.run((signal) => api("POST", "/api/lineups", { json: body, signal }),
          `${body.event}${body.sex ? `/${body.sex}` : ""}`);
        if (doc === STALE) return;
        replace(result, lineupView(doc), orderEditor(doc, team, events));
        announce(`Best order: ${timeText(doc.team_time_s)}`);
        focusResult(result);
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

  return h("div", {},
    h("p", { class: "hint" }, "The fastest running order from the roster's marks, legs and exchanges predicted."),
    form, result);
}


function lineupView(doc) {
  return h("div", { class: "card lineup" },
    h("h2", {}, `Best order: ${timeText(doc.team_time_s)}`),
    h("p", { class: "hint" }, intervalText(doc)),
    h("table", { class: "legs" },
      h("caption", { class: "sr" }, `Best order for the ${doc.name}`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Leg"), h("th", { scope: "col" }, "Athlete"),
        h("th", { scope: "col", class: "num" }, "Distance"), h("th", { scope: "col", class: "num" }, "Split"))),
      h("tbody", {}, doc.legs.map((l) => h("tr", {},
        h("td", {}, String(l.leg)), h("th", { scope: "row" }, l.athlete),
        h("td", { class: "num" }, `${l.distance_m} m`), h("td", { class: "num" }, timeText(l.split_s)))))),
    h("p", { class: "muted" }, SPLIT_NOTE),
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

/**
 * The coach's own order: each leg's runner from a select, "Swap with the next leg" buttons, and
 * the predicted team time (POST /api/predictions) against the best order's. Both carry their
 * pairs' practice records, as `baton lineup` and `baton predict` do, so the best order is timed
 * here as it is above.
 */
function orderEditor(doc, team, events) {
  const event = events.find((e) => e.id === doc.event);
  const legs = event.legs.length;
  const bestSexes = new Set(doc.order.map((n) => (team.athletes.find((a) => a.name === n) || {}).sex));
  const runners = event.sex_rule === "single-sex"
    ? team.athletes.filter((a) => bestSexes.has(a.sex)) : team.athletes;
  const names = [...doc.order];
  const summary = h("p", { class: "order-time", "aria-live": "polite" }, "Timing the best order…");
  const error = h("p", { class: "error", role: "alert" });
  const plan = h("a", { class: "button secondary" }, "Plan the hand-offs of this order");
  const selects = [];
  const splits = [];
  const predictions = latest(summary);  // answers to older orders are dropped

  const rows = event.legs.map((leg, i) => {
    const id = uid("leg");
    const select = h("select", { id, name: "leg-runner", dataset: { leg: String(i + 1) },
      onchange: () => { names[i] = select.value; update(); } },
    runners.map((a) => h("option", { value: a.name }, a.name)));
    selects.push(select);
    const split = h("span", { class: "split num" });
    splits.push(split);
    const swap = i + 1 < legs ? h("button", { type: "button", class: "small",
      "aria-label": `Swap with next leg ↓ (legs ${i + 1} and ${i + 2})`,
      onclick: () => { [names[i], names[i + 1]] = [names[i + 1], names[i]]; update(); } },
    "Swap with next leg ↓") : null;
    return h("li", { class: "leg-row" },
      h("label", { for: id }, `Leg ${i + 1} runner (${leg.distance_m} m)`, select), split, swap);
  });

  const show = (p) => {
    const d = p.team_time_s - doc.team_time_s;
    replace(summary, "This order: ", h("strong", {}, timeText(p.team_time_s)), ", ",
      h("strong", { class: "diff" }, diffText(d)), ` against the best order (${timeText(doc.team_time_s)})`);
    p.legs.forEach((l, i) => { splits[i].textContent = `split ${timeText(l.split_s)}${l.estimated ? " *" : ""}`; });
    plan.hidden = false;
    announce(`This order: ${timeText(p.team_time_s)}, ${diffText(d)}`);
  };
  const update = async () => {
    selects.forEach((s, i) => { s.value = names[i]; });
    plan.href = planLink(doc.event, names);
    error.textContent = "";
    const order = [...names];
    try {
      const answer = await predictions.run((signal) =>
        api("POST", "/api/predictions", { json: { event: doc.event, order }, signal }), order.join(", "));
      if (answer === STALE) return;
      show(answer);
    } catch (err) {
      replace(summary, "This order cannot run as chosen.");
      splits.forEach((s) => { s.textContent = ""; });
      plan.hidden = true;
      error.textContent = describe(err);
    }
  };
  const reset = h("button", { type: "button", onclick: () => { names.splice(0, legs, ...doc.order); update(); } },
    "Back to the best order");

  const practice = doc.practice_s || 0;
  const note = practice !== 0
    ? `Times predicted from the marks, legs and exchanges and each pair's practice record (drills and logged races), as baton lineup and baton predict give them. The best order's ${timeText(doc.team_time_s)} includes ${diffText(practice)} for its pairs' practice record.`
    : "Times predicted from the marks, legs and exchanges, as baton lineup and baton predict give them.";
  const box = h("section", { class: "card order-editor", "aria-label": "Try another order" },
    h("h2", {}, "Try another order"),
    h("p", { class: "hint" }, "Swap two legs or pick another runner and see the predicted team time change. * marks a leg predicted from a mark at another distance."),
    h("ol", { class: "leg-rows" }, rows),
    summary, error,
    h("p", { class: "buttons" }, reset, plan),
    h("p", { class: "muted" }, note));

  update();
  return box;
}
