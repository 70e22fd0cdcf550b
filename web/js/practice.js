// The Practice page: log a hand-off drill in a few taps (pair, mark, where the baton changed
// hands, outcome), see the pair's record and its calibrated go-mark, and remove a wrong entry.
// It opens on the first exchange of the current best lineup of the first blind relay, lists that
// squad first, and offers only runners of the incoming runner's squad to take the baton (blind
// relays are single-sex). Marks are typed in metres or in the outgoing runner's foot lengths
// (heel-to-toe steps, the unit the hand-off plan paces marks in) and always stored in metres.
import { api } from "./api.js";
import { announce, h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { logDrill, onSync, waitingDrills } from "./drill_queue.js";
import { describe, errorBox, loadRelays, timeText } from "./relay_form.js";
import { counted, SEX_TEXT } from "./format.js";

const OUTCOMES = [["clean", "Clean"], ["early", "Early"], ["late", "Late"], ["stutter", "Stutter"],
  ["drop", "Drop"], ["out", "Out of zone"]];

function todayText() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function practicePage(main) {
  replace(main, h("h1", {}, "Practice"), h("p", { class: "muted" }, "Loading the roster…"));
  let data;
  try {
    data = await loadRelays();
  } catch (err) {
    replace(main, h("h1", {}, "Practice"), errorBox(err));
    return;
  }
  if (data.team.athletes.length < 2) {
    replace(main, h("h1", {}, "Practice"),
      h("p", { class: "empty" }, "Add at least two athletes on the ", h("a", { href: "#/roster" }, "Roster"), " page."));
    return;
  }
  data.squad = await bestSquad(data.team, data.events.filter((e) => e.exchanges.some((z) => z.blind)));
  render(main, data);
}

// The foot length a mark is paced with when the roster has none (a training shoe), metres: the
// plan's default (kDefaultFootLengthM).
const DEFAULT_FOOT_M = 0.28;

/**
 * The best order of the first blind relay a squad can run, trying the squads in roster order:
 * {event, sex, order}, or null when no squad can run one.
 */
async function bestSquad(team, blind) {
  const sexes = [...new Set(team.athletes.map((a) => a.sex))];
  for (const e of blind) {
    for (const sex of sexes) {
      try {
        const doc = await api("POST", "/api/lineups", { json: { event: e.id, sex } });
        if (doc.order && doc.order.length >= 2) return { event: e.id, sex, order: doc.order };
      } catch {
        // This squad cannot run this relay (too few runners with marks): try the next.
      }
    }
  }
  return null;
}

function render(main, { team, events, squad }) {
  const ids = { from: uid("from"), to: uid("to"), mark: uid("mark"), unit: uid("unit"), at: uid("at"),
    date: uid("date"), event: uid("event"), exchange: uid("exchange"), time: uid("time"), note: uid("note") };
  const sexOf = (name) => (team.athletes.find((a) => a.name === name) || {}).sex;
  // The best lineup's runners first (in leg order), then the rest of each squad.
  const inSquad = new Set(squad ? squad.order : []);
  const option = (a) => h("option", { value: a.name }, `${a.name} (${a.sex})`);
  const groups = (sexes) => [
    squad && sexes.includes(squad.sex) ? h("optgroup", { label: `${squad.event} best lineup` },
      squad.order.map((n) => option(team.athletes.find((a) => a.name === n)))) : null,
    ...[...new Set(team.athletes.map((a) => a.sex))].filter((x) => sexes.includes(x)).map((x) =>
      h("optgroup", { label: inSquad.size && x === (squad && squad.sex) ? `Others, ${SEX_TEXT[x] || x}` : SEX_TEXT[x] || x },
        team.athletes.filter((a) => a.sex === x && !inSquad.has(a.name)).map(option))),
  ];
  const from = h("select", { id: ids.from, name: "from" }, groups([...new Set(team.athletes.map((a) => a.sex))]));
  const to = h("select", { id: ids.to, name: "to" });
  // Only the incoming runner's squad can take the baton: a blind relay is single-sex.
  const drawTo = (keep) => {
    replace(to, groups([sexOf(from.value)]));
    if (keep && [...to.options].some((o) => o.value === keep)) to.value = keep;
  };
  const sameSex = team.athletes.filter((a) => a.sex === team.athletes[0].sex);
  from.value = squad ? squad.order[0] : team.athletes[0].name;
  drawTo(squad ? squad.order[1] : (sameSex[1] || team.athletes[1]).name);
  from.addEventListener("change", () => drawTo(to.value));
  const blind = events.filter((e) => e.exchanges.some((z) => z.blind));
  const event = h("select", { id: ids.event, name: "event" },
    blind.map((e) => h("option", { value: e.id }, `${e.name} (${e.id})`)));
  if (squad) event.value = squad.event;
  const exchange = h("select", { id: ids.exchange, name: "exchange" });
  const drawExchanges = () => {
    const e = blind.find((x) => x.id === event.value);
    replace(exchange, e.exchanges.filter((z) => z.blind).map((z) =>
      h("option", { value: String(z.from_leg) }, `${z.from_leg}→${z.to_leg}`)));
  };
  const squadNote = squad ? h("p", { class: "hint" }, `Opened on ${squad.order[0]} → ${squad.order[1]}, exchange 1 of the ` +
    `best ${squad.event} lineup (${squad.order.join(", ")}).`) : null;
  event.addEventListener("change", drawExchanges);
  drawExchanges();
  const mark = h("input", { id: ids.mark, name: "go_mark", type: "number", step: "0.1", min: 0, max: 60,
    inputmode: "decimal", required: true });
  // The mark's unit: metres, or the outgoing runner's foot lengths (the plan's foot length).
  const unit = h("select", { id: ids.unit, name: "mark_unit" },
    h("option", { value: "m" }, "metres"), h("option", { value: "foot" }, "foot lengths (steps)"));
  const markLabel = h("span", {}, "Go-mark used, m");
  const footLength = () => {
    const a = team.athletes.find((x) => x.name === to.value);
    return a && a.foot_length_m ? a.foot_length_m : DEFAULT_FOOT_M;
  };
  const inFeet = () => unit.value === "foot";
  const markMetres = () => inFeet() ? Math.round(Number(mark.value) * footLength() * 100) / 100 : Number(mark.value);
  const showUnit = () => {
    markLabel.textContent = inFeet() ? "Go-mark used, foot lengths" : "Go-mark used, m";
    mark.max = inFeet() ? String(Math.floor(60 / footLength())) : "60";
  };
  // The recommendation last filled in, in both units: {m, foot}.
  let recommended = null;
  const fillRecommended = () => {
    const m = recommended && (inFeet() ? recommended.foot : recommended.m);
    mark.value = m === null || m === undefined ? "" : m.toFixed(1);
  };
  unit.addEventListener("change", () => {
    if (!markTyped) {
      fillRecommended();
    } else if (mark.value !== "") {
      // The coach's own mark, in the other unit.
      const v = Number(mark.value);
      mark.value = (inFeet() ? v / footLength() : v * footLength()).toFixed(1);
    }
    showUnit();
    unitNote.textContent = inFeet()
      ? `1 step heel to toe = ${to.value}'s foot, ${(footLength() * 100).toFixed(0)} cm` : "";
  });
  const unitNote = h("span", { class: "unit-note" });
  const at = h("input", { id: ids.at, name: "exchange_at_m", type: "number", step: "0.5", min: -30, max: 60,
    inputmode: "decimal", required: true });
  const date = h("input", { id: ids.date, name: "date", type: "date", value: todayText(), required: true });
  const time = h("input", { id: ids.time, name: "baton_time_s", type: "number", step: "0.01", min: 0, max: 20,
    inputmode: "decimal" });
  const note = h("input", { id: ids.note, name: "note", maxlength: 500 });
  const outcomes = h("fieldset", { class: "outcomes" }, h("legend", {}, "Outcome"),
    h("div", { class: "choice-row" }, OUTCOMES.map(([value, label], i) => h("label", { class: "choice" },
      h("input", { type: "radio", name: "outcome", value, checked: i === 0 }), label))));
  const error = h("p", { class: "error", role: "alert" });
  const reportBox = h("section", { "aria-live": "polite", "aria-label": "Pair report" });
  const listBox = h("section", { "aria-label": "Drills logged" });
  const outbox = h("p", { class: "outbox", role: "status" });
  const showOutbox = async () => {
    const n = (await waitingDrills()).length;
    outbox.textContent = n ? `${counted(n, "drill")} logged without a network wait on this ` +
      "device and will be sent when it returns." : "";
    outbox.hidden = !n;
  };
  // Which pair the go-mark field was filled for; the field is only ever filled from the answer
  // to the newest report request, and not at all once the coach has typed a mark.
  const markFor = h("span", { class: "field-note", id: uid("markfor") });
  mark.setAttribute("aria-describedby", markFor.id);
  let markTyped = false;
  mark.addEventListener("input", () => { markTyped = true; markFor.textContent = "Entered by hand"; });
  const reports = latest(reportBox);
  const lists = latest(listBox);
  const pairText = () => `${from.value} → ${to.value}`;

  const refresh = async (focusAfter) => {
    await Promise.all([showReport(), showDrills(focusAfter)]);
  };
  const showReport = async () => {
    const label = `${pairText()}, ${event.value} exchange ${exchange.value || "1"}`;
    const q = new URLSearchParams({ from: from.value, to: to.value, event: event.value,
      exchange: exchange.value || "1", as_of: date.value || todayText() });
    let r;
    try {
      r = await reports.run((signal) => from.value === to.value ? null
        : api("GET", `/api/practice/report?${q}`, { signal }), label);
    } catch (err) {
      replace(reportBox, errorBox(err));
      return;
    }
    if (r === STALE) return;
    if (!r) { replace(reportBox); return; }
    replace(reportBox, reportCard(r));
    if (!markTyped) {
      recommended = { m: r.recommended_go_mark_m, foot: r.recommended_go_mark_foot_lengths };
      fillRecommended();
      const m = recommended.m;
      mark.dataset.pair = pairText();
      markFor.textContent = m === null || m === undefined ? "" : `Recommended for ${r.pair.from} → ${r.pair.to}`;
    }
  };
  const showDrills = async (focusAfter) => {
    const q = new URLSearchParams({ from: from.value, to: to.value });
    let doc;
    try {
      doc = await lists.run((signal) => api("GET", `/api/practice?${q}`, { signal }), pairText());
    } catch (err) {
      replace(listBox, errorBox(err));
      return;
    }
    if (doc === STALE) return;
    replace(listBox, drillList(doc.drills, refresh));
    if (focusAfter !== undefined) focusAfterRemoval(listBox, focusAfter, form);
  };
  for (const el of [from, to, exchange, event]) {
    el.addEventListener("change", () => {
      markTyped = false;
      recommended = null;
      mark.value = "";
      delete mark.dataset.pair;
      markFor.textContent = "";
      showUnit();
      unitNote.textContent = inFeet()
      ? `1 step heel to toe = ${to.value}'s foot, ${(footLength() * 100).toFixed(0)} cm` : "";
      refresh();
    });
  }

  const form = h("form", { class: "card practice-form", onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = "";
    const body = { from: from.value, to: to.value, go_mark_m: markMetres(),
      exchange_at_m: Number(at.value), outcome: form.elements.outcome.value, date: date.value };
    if (time.value) body.baton_time_s = Number(time.value);
    if (note.value.trim()) body.note = note.value.trim();
    const z = blind.find((x) => x.id === event.value).exchanges.find((x) => String(x.from_leg) === exchange.value);
    if (z) body.zone_length_m = z.zone_length_m;
    try {
      const sent = await logDrill(body);
      announce(sent.queued ? `No network: ${from.value} → ${to.value} kept on this device`
        : `Logged ${from.value} → ${to.value}`);
      at.value = "";
      await showOutbox();
      if (!sent.queued) await refresh();
    } catch (err) {
      error.textContent = describe(err);
    }
  } },
  h("div", { class: "row" },
    h("label", { for: ids.from }, "Incoming (brings the baton)", from),
    h("label", { for: ids.to }, "Outgoing (takes it)", to)),
  h("div", { class: "row" },
    h("label", { for: ids.mark }, markLabel, mark, markFor),
    h("label", { for: ids.unit }, "Mark in", unit, unitNote),
    h("label", { for: ids.at }, "Baton changed hands at, m into the zone", at)),
  outcomes,
  h("details", {}, h("summary", {}, "Relay, date, time and note"),
    h("div", { class: "row" },
      h("label", { for: ids.event }, "Relay", event),
      h("label", { for: ids.exchange }, "Exchange", exchange),
      h("label", { for: ids.date }, "Date", date),
      h("label", { for: ids.time }, "Baton time through the zone, s", time),
      h("label", { for: ids.note }, "Note", note))),
  error,
  h("button", { type: "submit", class: "primary" }, "Log drill"),
  outbox);

  const races = h("div", { "aria-live": "polite" });
  const racesBox = h("details", { class: "races" }, h("summary", {}, "What the races taught"), races);
  racesBox.addEventListener("toggle", () => { if (racesBox.open) showRaces(races); });
  replace(main, h("h1", {}, "Practice"),
    h("p", { class: "hint" }, "Log each drilled exchange; the go-mark is recalibrated from the drills."),
    squadNote, form, reportBox, listBox, racesBox);
  showOutbox();
  const stop = onSync((outcome) => {
    if (!main.contains(form)) { stop(); return; }
    showOutbox();
    if (outcome.sent) { announce(`${counted(outcome.sent, "waiting drill")} sent`); refresh(); }
    if (outcome.refused.length) {
      error.textContent = outcome.refused.map((r) => `${r.body.from} → ${r.body.to}, ${r.body.date}: ${r.error}`).join("; ");
    }
  });
  refresh();
}

/** The races' lesson: each timed leg against `baton predict`'s split, and the team's relay times. */
async function showRaces(box) {
  replace(box, h("p", { class: "muted" }, "Loading the results log…"));
  let doc;
  try {
    doc = await api("GET", "/api/results/models");
  } catch (err) {
    replace(box, errorBox(err));
    return;
  }
  const signed = (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)} s`;
  const legs = doc.legs.length ? h("div", { class: "scroll-x" }, h("table", { class: "legs" },
    h("caption", {}, "Leg splits against the split baton predict gives for that leg of that order"),
    h("thead", {}, h("tr", {}, ["Date", "Runner", "Leg", "Predicted", "Actual", "Timing", "Credited open mark"]
      .map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, doc.legs.map((l) => h("tr", {},
      h("td", {}, l.date), h("td", {}, l.athlete), h("td", { class: "num" }, `${l.event} leg ${l.leg}`),
      h("td", { class: "num" }, timeText(l.predicted_split_s)), h("td", { class: "num" }, timeText(l.split_s)),
      h("td", {}, l.hand_timed ? `hand (${timeText(l.fat_split_s)} FAT, half weight)` : "FAT"),
      h("td", { class: "num" }, `${timeText(l.open_equivalent_s)} for ${l.distance_m} m`))))))
    : h("p", { class: "empty" }, "No leg splits logged yet (baton results add --splits).");
  const marks = doc.athletes.length ? [h("p", {}, "Open marks predictions use after these races (FAT):"),
    h("ul", {}, doc.athletes.map((m) => h("li", {},
      `${m.athlete}, ${m.distance_m} m: ${m.best_s === null ? "no entered best" : timeText(m.best_s)} → ${timeText(m.updated_s)}`)))]
    : null;
  const t = doc.team;
  const teamPart = t.races.length ? [
    h("div", { class: "scroll-x" }, h("table", { class: "legs" },
      h("caption", {}, "Relay times against the prediction (runners as their splits taught them)"),
      h("thead", {}, h("tr", {}, ["Date", "Relay", "Actual", "Predicted", "Residual", "Counts", "Next prediction"]
        .map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, t.races.map((r) => h("tr", {},
        h("td", {}, r.date), h("td", {}, `${r.event}: ${r.order.join(", ")}`),
        h("td", { class: "num" }, timeText(r.actual_s)), h("td", { class: "num" }, timeText(r.predicted_s)),
        h("td", { class: "num" }, signed(r.residual_s)), h("td", { class: "num" }, `${Math.round(100 * r.weight)} %`),
        h("td", { class: "num" }, signed(r.next_change_s))))))),
    h("p", {}, `Team exchanges: ${signed(t.blind_learned_s)} per blind pass (level ${t.level}: ` +
      `${t.level_blind_exchange_s.toFixed(2)} s), ${signed(t.visual_learned_s)} per visual pass; ` +
      `races worth ${Number(t.weight.toFixed(2))} against a prior worth ${t.prior_weight} races ` +
      "(a race 8 weeks older than the newest counts half)."),
  ] : h("p", { class: "empty" }, "No finished relay times logged yet.");
  replace(box, legs, marks, teamPart);
}

function metresText(m) {
  return m === null || m === undefined ? "–" : `${m.toFixed(2)} m`;
}

function reportCard(r) {
  const record = r.drills
    ? `${counted(r.drills, "drill")}, ${Math.round(r.p_clean * 100)} % clean, ` +
      `passes at ${metresText(r.mean_exchange_at_m)} into the zone` +
      (r.sd_exchange_at_m !== null ? ` (SD ${metresText(r.sd_exchange_at_m)})` : "")
    : "No drills yet: the mark below comes from the athletes' speeds alone.";
  const mark = r.recommended_go_mark_m === null
    ? h("p", { class: "error" }, `No go-mark puts the baton at ${metresText(r.target_m)}: ${r.reason || ""}`)
    : h("p", { class: "recommendation" }, h("strong", {}, "Go-mark: "),
      `${r.recommended_go_mark_foot_lengths.toFixed(1)} foot lengths (${metresText(r.recommended_go_mark_m)})`,
      r.recommended_start_m >= 0.05
        ? `, standing ${r.recommended_start_m.toFixed(1)} m into the zone`
        : "",
      h("span", { class: "muted" }, ` for a pass at ${metresText(r.target_m)}; ` +
        `model alone ${metresText(r.model_go_mark_m)}`));
  return h("div", { class: "card report" },
    h("h2", {}, `${r.pair.from} → ${r.pair.to}`),
    h("p", {}, record),
    mark,
    h("p", { class: "muted" }, !r.drills
      ? `Outgoing runner assumed to leave ${r.nominal_reaction_s.toFixed(2)} s after the mark; ` +
        "drills will show when this pair really goes."
      : (r.effective_reaction_s < 0
        ? `Outgoing runner leaves ${(-r.effective_reaction_s).toFixed(2)} s before the incoming runner reaches the mark in practice `
        : `Outgoing runner leaves ${r.effective_reaction_s.toFixed(2)} s after the mark in practice `) +
        `(model ${r.nominal_reaction_s.toFixed(2)} s after).`),
    r.reaction_at_bound ? h("p", { class: "warnings" }, "The drills do not fit the pair's speeds: check them.") : null);
}

/**
 * After a drill is removed, focus goes to the Remove button now in its place in the list (the
 * next older drill, else the newer one before it), else to the list's heading or message.
 */
function focusAfterRemoval(listBox, index, form) {
  const buttons = [...listBox.querySelectorAll("ul.drills button")];
  const target = buttons[Math.min(index, buttons.length - 1)] || listBox.querySelector("[tabindex='-1']") ||
    form.querySelector("button[type=submit]");
  target.focus();
}

function drillList(drills, refresh) {
  if (!drills.length) return h("p", { class: "empty", tabindex: "-1" }, "No drills logged for this pair.");
  return h("div", {}, h("h2", { tabindex: "-1" }, `Drills (${drills.length})`),
    h("ul", { class: "drills" }, [...drills].reverse().map((d, index) => h("li", { dataset: { drill: String(d.id) } },
      h("span", {}, `${d.date}: mark ${metresText(d.go_mark_m)}, pass at ${metresText(d.exchange_at_m)}, ${d.outcome}` +
        (d.baton_time_s !== null ? `, ${d.baton_time_s.toFixed(2)} s` : "") + (d.note ? ` (${d.note})` : "")),
      h("button", { type: "button", class: "danger small", "aria-label": `Remove drill of ${d.date}, ${d.outcome}`,
        onclick: async () => {
          if (!window.confirm(`Remove the drill of ${d.date}?`)) return;
          try {
            await api("DELETE", `/api/practice/${d.id}`);
            announce("Drill removed");
            await refresh(index);
          } catch (err) {
            announce(describe(err));
          }
        } }, "Remove")))));
}
