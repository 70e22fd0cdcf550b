// The Practice page: log a hand-off drill in a few taps (pair, mark, where the baton changed
// hands, outcome), see the pair's record and its calibrated go-mark, and remove a wrong entry.
import { api } from "./api.js";
import { announce, h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { logDrill, onSync, waitingDrills } from "./drill_queue.js";
import { describe, errorBox, loadRelays } from "./relay_form.js";

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
  render(main, data);
}

function render(main, { team, events }) {
  const ids = { from: uid("from"), to: uid("to"), mark: uid("mark"), at: uid("at"), date: uid("date"),
    event: uid("event"), exchange: uid("exchange"), time: uid("time"), note: uid("note") };
  const athleteSelect = (id, name) => h("select", { id, name },
    team.athletes.map((a) => h("option", { value: a.name }, `${a.name} (${a.sex})`)));
  const from = athleteSelect(ids.from, "from");
  const to = athleteSelect(ids.to, "to");
  to.selectedIndex = 1;
  const blind = events.filter((e) => e.exchanges.some((z) => z.blind));
  const event = h("select", { id: ids.event, name: "event" },
    blind.map((e) => h("option", { value: e.id }, `${e.name} (${e.id})`)));
  const exchange = h("select", { id: ids.exchange, name: "exchange" });
  const drawExchanges = () => {
    const e = blind.find((x) => x.id === event.value);
    replace(exchange, e.exchanges.filter((z) => z.blind).map((z) =>
      h("option", { value: String(z.from_leg) }, `${z.from_leg}→${z.to_leg}`)));
  };
  event.addEventListener("change", drawExchanges);
  drawExchanges();
  const mark = h("input", { id: ids.mark, name: "go_mark_m", type: "number", step: "0.1", min: 0, max: 60,
    inputmode: "decimal", required: true });
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
    outbox.textContent = n ? `${n} drill${n === 1 ? "" : "s"} logged without a network wait on this ` +
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
      const m = r.recommended_go_mark_m;
      mark.value = m === null ? "" : m.toFixed(1);
      mark.dataset.pair = pairText();
      markFor.textContent = m === null ? "" : `Recommended for ${r.pair.from} → ${r.pair.to}`;
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
      mark.value = "";
      delete mark.dataset.pair;
      markFor.textContent = "";
      refresh();
    });
  }

  const form = h("form", { class: "card practice-form", onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = "";
    const body = { from: from.value, to: to.value, go_mark_m: Number(mark.value),
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
    h("label", { for: ids.mark }, "Go-mark used, m", mark, markFor),
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

  replace(main, h("h1", {}, "Practice"),
    h("p", { class: "hint" }, "Log each drilled exchange; the go-mark is recalibrated from the drills."),
    form, reportBox, listBox);
  showOutbox();
  const stop = onSync((outcome) => {
    if (!main.contains(form)) { stop(); return; }
    showOutbox();
    if (outcome.sent) { announce(`${outcome.sent} waiting drill${outcome.sent === 1 ? "" : "s"} sent`); refresh(); }
    if (outcome.refused.length) {
      error.textContent = outcome.refused.map((r) => `${r.body.from} → ${r.body.to}, ${r.body.date}: ${r.error}`).join("; ");
    }
  });
  refresh();
}

function metresText(m) {
  return m === null || m === undefined ? "–" : `${m.toFixed(2)} m`;
}

function reportCard(r) {
  const record = r.drills
    ? `${r.drills} drill${r.drills === 1 ? "" : "s"}, ${Math.round(r.p_clean * 100)} % clean, ` +
      `passes at ${metresText(r.mean_exchange_at_m)} into the zone` +
      (r.sd_exchange_at_m !== null ? ` (SD ${metresText(r.sd_exchange_at_m)})` : "")
    : "No drills yet: the mark below comes from the athletes' speeds alone.";
  const mark = r.recommended_go_mark_m === null
    ? h("p", { class: "error" }, `No go-mark puts the baton at ${metresText(r.target_m)}: ${r.reason || ""}`)
    : h("p", { class: "recommendation" }, h("strong", {}, "Go-mark: "),
      `${r.recommended_go_mark_foot_lengths.toFixed(1)} foot lengths (${metresText(r.recommended_go_mark_m)})`,
      h("span", { class: "muted" }, ` for a pass at ${metresText(r.target_m)}; ` +
        `model alone ${metresText(r.model_go_mark_m)}`));
  return h("div", { class: "card report" },
    h("h2", {}, `${r.pair.from} → ${r.pair.to}`),
    h("p", {}, record),
    mark,
    h("p", { class: "muted" }, `Outgoing runner leaves ${r.effective_reaction_s.toFixed(2)} s after the mark in practice ` +
      `(model ${r.nominal_reaction_s.toFixed(2)} s).`),
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
