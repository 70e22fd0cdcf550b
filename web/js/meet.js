// The Lineup page's whole-meet mode: every relay the roster can enter at once, with the relay and
// event limits (individual entries from the roster count as events), legs locked, athletes kept
// out of one relay, relays too close in the schedule to share anyone; the answer shows each
// team with an alternate per leg, and who runs what.
import { api } from "./api.js";
import { announce, focusResult, h, replace, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { SEX_TEXT } from "./format.js";
import { cardsLink, describe, planLink, SPLIT_NOTE, timeText } from "./relay_form.js";

/** "4x100/F" -> {id: "4x100", sex: "F"}. */
function splitRelay(label) {
  const [id, sex] = label.split("/");
  return { id, sex: sex || "" };
}

/** Every relay the roster can enter: each single-sex relay per squad, mixed relays once. */
function relayChoices(team, events) {
  const sexes = ["F", "M"].filter((s) => team.athletes.some((a) => a.sex === s));
  const choices = [];
  for (const e of events) {
    if (e.sex_rule === "single-sex") {
      for (const s of sexes) {
        choices.push({ label: `${e.id}/${s}`, legs: e.legs.length, text: `${e.name}, ${SEX_TEXT[s]}` });
      }
    } else if (sexes.length === 2) {
      choices.push({ label: e.id, legs: e.legs.length, text: e.name });
    }
  }
  return choices;
}

function select(id, name, options) {
  return h("select", { id, name }, options.map(([value, text]) => h("option", { value }, text)));
}

/**
 * A list the coach builds one item at a time: `fields` are [label, <select>] pairs, `make`
 * turns their values into an item and `text` describes one. Returns {element, items}.
 */
function ruleList(title, hint, fields, make, text) {
  const items = [];
  const list = h("ul", { class: "rules" });
  const draw = () => replace(list, items.map((item, i) => h("li", {}, text(item), " ",
    h("button", { type: "button", class: "danger small", "aria-label": `Remove: ${text(item)}`,
      onclick: () => { items.splice(i, 1); draw(); } }, "Remove"))));
  const add = h("button", { type: "button" }, `Add`);
  add.setAttribute("aria-label", `Add: ${title}`);
  add.onclick = () => {
    const item = make(fields.map(([, s]) => s.value));
    items.push(item);
    draw();
    announce(`Added: ${text(item)}`);
  };
  const element = h("fieldset", { class: "meet-rule" }, h("legend", {}, title),
    h("p", { class: "hint" }, hint),
    h("div", { class: "row" }, fields.map(([label, s]) => h("label", { for: s.id }, label, s)), add),
    list);
  return { element, items };
}

/** The whole-meet form and its answer. */
export function meetForm({ team, events }) {
  const choices = relayChoices(team, events);
  const relayOptions = choices.map((c) => [c.label, c.text]);
  const athleteOptions = team.athletes.map((a) => [a.name, `${a.name} (${a.sex})`]);
  const relays = h("fieldset", { class: "meet-relays" }, h("legend", {}, "Relays"),
    h("div", { class: "checks" }, choices.map((c) => h("label", { class: "check" },
      h("input", { type: "checkbox", name: "relay", value: c.label }), c.text))));
  const ids = { teams: uid("teams"), limit: uid("limit"), events: uid("events") };
  const teams = select(ids.teams, "teams", [["1", "1 (A team)"], ["2", "2 (A and B)"], ["3", "3 (A, B and C)"]]);
  const counts = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [String(n), String(n)]);
  const limit = select(ids.limit, "limit", [["0", "No limit"], ...counts]);
  const eventLimit = select(ids.events, "max-events", [["0", "No limit"], ...counts]);
  const estimates = h("input", { type: "checkbox", name: "allow-estimates" });
  const excludes = h("fieldset", { class: "excludes" },
    h("legend", {}, "Leave out"),
    h("div", { class: "checks" }, team.athletes.map((a) => h("label", { class: "check" },
      h("input", { type: "checkbox", name: "exclude", value: a.name }), `${a.name} (${a.sex})`))));

  const legSelect = select(uid("lock-leg"), "lock-leg", [1, 2, 3, 4].map((n) => [String(n), String(n)]));
  const lockRelay = select(uid("lock-relay"), "lock-relay", relayOptions);
  lockRelay.onchange = () => {
    const legs = choices.find((c) => c.label === lockRelay.value)?.legs || 4;
    replace(legSelect, Array.from({ length: legs }, (_, i) => h("option", { value: String(i + 1) }, String(i + 1))));
  };
  const locks = ruleList("Locked legs", "A team only: this runner runs this leg.",
    [["Relay", lockRelay], ["Leg", legSelect], ["Runner", select(uid("lock-name"), "lock-name", athleteOptions)]],
    ([relay, leg, name]) => ({ relay, leg: Number(leg), name }),
    (l) => `${l.relay} leg ${l.leg}: ${l.name}`);
  const outs = ruleList("Out of one relay", "The runner may run other relays, not this one.",
    [["Relay", select(uid("out-relay"), "out-relay", relayOptions)],
      ["Runner", select(uid("out-name"), "out-name", athleteOptions)]],
    ([relay, name]) => ({ relay, name }), (o) => `${o.name} not in ${o.relay}`);
  const conflicts = ruleList("Schedule conflicts", "Two relays too close together to share a runner.",
    [["Relay", select(uid("conflict-a"), "conflict-a", relayOptions)],
      ["and relay", select(uid("conflict-b"), "conflict-b", relayOptions)]],
    ([a, b]) => [a, b], ([a, b]) => `${a} and ${b}`);

  // How much a second counts in each relay: one number per relay, sent for the ticked ones.
  // Only the ticked relays' inputs show.
  const weightInputs = choices.map((c) => {
    const input = h("input", { type: "number", id: uid("weight"), name: "weight", min: "0", max: "100",
      step: "any", value: "1", inputmode: "decimal", "aria-label": `Weight: ${c.text}`,
      dataset: { relay: c.label } });
    const label = h("label", { for: input.id, class: "weight", hidden: true }, h("span", {}, c.text), input);
    return { choice: c, input, label };
  });
  const noneTicked = h("p", { class: "muted" }, "Tick relays above to weigh them.");
  const weights = h("fieldset", { class: "meet-weights" }, h("legend", {}, "Weights"),
    h("p", { class: "hint" }, "A second in a relay counts this many times in the sum: 2 counts it twice, 0.5 half, 0 not at all (0 to 100)."),
    noneTicked,
    h("div", { class: "weights" }, weightInputs.map(({ label }) => label)));
  relays.addEventListener("change", () => {
    const ticked = new Set([...relays.querySelectorAll("input:checked")].map((c) => c.value));
    for (const { choice, label } of weightInputs) label.hidden = !ticked.has(choice.label);
    noneTicked.hidden = ticked.size > 0;
  });

  // Scoring by expected points: a meet file with each relay's seeded field, read in the browser
  // and sent as text; without one the lineups make the (weighted) sum of team times lowest.
  const meetFile = h("input", { type: "file", id: uid("meet-file"), name: "meet-file", accept: ".toml,text/plain" });
  const clearFile = h("button", { type: "button", class: "small", hidden: true }, "Remove the meet file");
  clearFile.onclick = () => { meetFile.value = ""; clearFile.hidden = true; meetFile.focus(); };
  meetFile.onchange = () => { clearFile.hidden = !meetFile.files.length; };
  const points = h("fieldset", { class: "meet-points" }, h("legend", {}, "Expected points"),
    h("p", { class: "hint" }, "A meet file lists each relay's opponents and their seed times ([[relay]] tables, as baton lineup --objective points --meet reads). With one, the lineups score the most expected points over all ticked relays instead of the lowest sum of times; weights do not apply."),
    h("label", { for: meetFile.id }, "Meet file (.toml)", meetFile), clearFile);

  const error = h("p", { class: "error", role: "alert" });
  const result = h("section", { class: "result-area", "aria-live": "polite", "aria-label": "Meet lineups" });
  const button = h("button", { type: "submit", class: "primary" }, "Optimise the meet");
  const meets = latest(result);

  const run = async () => {
    // While the solver runs the button stays focusable (aria-disabled, not disabled), so focus
    // is never dropped to the page; a second press is ignored.
    if (button.getAttribute("aria-disabled") === "true") return;
    error.textContent = "";
    const body = {
      relays: [...relays.querySelectorAll("input:checked")].map((c) => {
        const { id, sex } = splitRelay(c.value);
        return sex ? { event: id, sex } : { event: id };
      }),
      teams_per_relay: Number(teams.value),
      max_relays_per_athlete: Number(limit.value),
      max_events: Number(eventLimit.value),
      allow_estimates: estimates.checked,
    };
    const out = [...excludes.querySelectorAll("input:checked")].map((c) => c.value);
    if (out.length) body.exclude = out;
    if (locks.items.length) body.locks = locks.items;
    if (outs.items.length) body.exclude_from = outs.items;
    if (conflicts.items.length) body.conflicts = conflicts.items;
    const ticked = new Set(body.relays.map((r) => (r.sex ? `${r.event}/${r.sex}` : r.event)));
    const weighted = [];
    for (const { input } of weightInputs) input.removeAttribute("aria-invalid");
    for (const { choice, input } of weightInputs) {
      if (!ticked.has(choice.label)) continue;
      const w = Number(input.value);
      if (input.value.trim() === "" || !input.checkValidity() || !Number.isFinite(w)) {
        error.textContent = `Weight for the ${choice.text}: a number from 0 to 100.`;
        input.setAttribute("aria-invalid", "true");
        input.closest("details").open = true;
        input.focus();
        return;
      }
      if (w !== 1) weighted.push({ relay: choice.label, weight: w });
    }
    if (weighted.length) body.weights = weighted;
    const file = meetFile.files[0];
    if (file) {
      if (weighted.length) {
        error.textContent = "Weights do not apply when the lineups score expected points: set them back to 1, or remove the meet file.";
        const first = weightInputs.find(({ choice }) => choice.label === weighted[0].relay).input;
        first.closest("details").open = true;
        first.focus();
        return;
      }
      body.objective = "points";
      body.meet_file = await file.text();
    }
    button.setAttribute("aria-disabled", "true");
    button.textContent = "Optimising…";
    try {
      const doc = await meets.run((signal) => api("POST", "/api/meet-lineups", { json: body, signal }),
        body.relays.map((r) => (r.sex ? `${r.event}/${r.sex}` : r.event)).join(", "));
      if (doc === STALE) return;
      replace(result, meetView(doc, file ? file.name : ""));
      announce(doc.optimal ? "Meet lineups: proven optimal" : "Meet lineups: best found in the time limit");
      focusResult(result);
    } catch (err) {
      replace(result);
      error.textContent = describe(err);
      error.setAttribute("tabindex", "-1");
      error.focus();
    } finally {
      button.removeAttribute("aria-disabled");
      button.textContent = "Optimise the meet";
    }
  };
  // The page checks the weights itself, so its message names the relay.
  const form = h("form", { class: "card meet-form", novalidate: true, onsubmit: (e) => { e.preventDefault(); run(); } },
    relays,
    h("div", { class: "row" },
      h("label", { for: ids.teams }, "Teams per relay", teams),
      h("label", { for: ids.limit }, "Relays per athlete", limit),
      h("label", { for: ids.events }, "Events per athlete", eventLimit)),
    h("p", { class: "hint" }, "Events count the relays and each athlete's individual events from the roster."),
    h("label", { class: "check" }, estimates, "Allow legs estimated from marks at other distances"),
    h("details", {}, h("summary", {}, "Leave out athletes (injured, absent, saved)"), excludes),
    h("details", {}, h("summary", {}, "Locks, one-relay exclusions and schedule conflicts"),
      locks.element, outs.element, conflicts.element),
    h("details", {}, h("summary", {}, "How much each relay counts (weights)"), weights),
    h("details", {}, h("summary", {}, "Score by expected points (a meet file)"), points),
    error, button);
  return h("div", {},
    h("p", { class: "hint" }, "Every ticked relay's teams at once: no athlete in two teams of a relay, none over the limits, the sum of team times (weighted, if you say so) as low as it can be, or, with a meet file, the most expected points."),
    form, result);
}

function alternateText(alt) {
  if (!alt || !alt.athlete) return "none free";
  return `${alt.athlete} (+${alt.cost_s.toFixed(2)} s)`;
}

function pointsText(p) {
  return `${p.toFixed(2)} ${p === 1 ? "point" : "points"}`;
}

function relayCard(r) {
  const { id, sex } = splitRelay(r.event);
  const title = `${r.name}${sex ? `, ${SEX_TEXT[sex]}` : ""}, team ${r.team}`;
  const scored = r.expected_points === undefined ? "" : `, ${pointsText(r.expected_points)} expected`;
  return h("article", { class: "card meet-relay", dataset: { event: r.event, team: r.team } },
    h("h3", {}, `${title}: ${timeText(r.team_time_s)}${scored}`),
    h("div", { class: "table-wrap" }, h("table", { class: "legs stack" },
      h("caption", { class: "sr" }, `Running order of the ${title}`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Leg"), h("th", { scope: "col" }, "Athlete"),
        h("th", { scope: "col", class: "num" }, "Distance"), h("th", { scope: "col", class: "num" }, "Split"),
        h("th", { scope: "col" }, "Alternate"))),
      h("tbody", {}, r.legs.map((l, i) => h("tr", {},
        h("td", { "data-label": "Leg" }, String(l.leg)),
        h("th", { scope: "row" }, l.athlete, l.locked ? h("span", { class: "tag" }, " (locked)") : null),
        h("td", { class: "num", "data-label": "Distance" }, `${l.distance_m} m`),
        h("td", { class: "num", "data-label": "Split" }, `${timeText(l.split_s)}${l.estimated ? " *" : ""}`),
        h("td", { class: "alternate", "data-label": "Alternate" }, alternateText(r.alternates && r.alternates[i]))))))),
    h("p", { class: "buttons" },
      h("a", { class: "button", href: planLink(id, r.order), "aria-label": `Plan the hand-offs: ${title}` }, "Plan the hand-offs"),
      h("a", { class: "button secondary", href: cardsLink(id, r.order), "aria-label": `Cards & report: ${title}` }, "Cards & report")));
}

function limitText(count, max) {
  return max ? `${count} of ${max}` : String(count);
}

/** Who runs what: every athlete with a relay or an individual event. */
function athletesTable(doc) {
  const busy = doc.athletes.filter((a) => a.relays.length || a.entries.length);
  return h("section", { class: "card who-runs-what" },
    h("h3", {}, "Who runs what"),
    h("div", { class: "table-wrap" }, h("table", { class: "legs stack" },
      h("caption", { class: "sr" }, "Every athlete's relays, individual events and counts against the limits"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Athlete"), h("th", { scope: "col" }, "Relays"),
        h("th", { scope: "col" }, "Individual events"), h("th", { scope: "col", class: "num" }, "Relays run"),
        h("th", { scope: "col", class: "num" }, "Events"))),
      h("tbody", {}, busy.map((a) => h("tr", { dataset: { athlete: a.name } },
        h("th", { scope: "row" }, a.name),
        h("td", { "data-label": "Relays" }, a.relays.map((r) => `${r.event} ${r.team} leg ${r.leg}`).join(", ")),
        h("td", { "data-label": "Individual events" }, a.entries.join(", ")),
        h("td", { class: "num", "data-label": "Relays run" }, limitText(a.relay_count, doc.limits.max_relays_per_athlete)),
        h("td", { class: "num", "data-label": "Events" }, limitText(a.event_count, doc.limits.max_events))))))),
    doc.conflicts.length
      ? h("p", { class: "muted" }, `No runner in both of: ${doc.conflicts.map(([a, b]) => `${a} and ${b}`).join("; ")}.`)
      : null);
}

/** "Objective: ..." as the CLI words it: what the lineups make as low (or high) as it can be. */
function objectiveText(doc, fileName) {
  if (doc.objective === "expected points") {
    return `Objective: the expected points over all relays against the fields of ${fileName || "the meet file"} (${doc.runs.toLocaleString("en-US")} races per sampled team time, seed ${doc.seed}).`;
  }
  if (doc.objective !== "weighted time") return "Objective: the sum of the team times.";
  const weighted = Object.entries(doc.weights).filter(([, w]) => w !== 1).map(([relay, w]) => `${relay} ×${w}`);
  return `Objective: the weighted sum of the team times (${weighted.join(", ")}; others ×1).`;
}

/** The status line: proven optimal or how far from it, and the objective's value. */
function statusLine(doc) {
  if (doc.objective === "expected points") {
    const status = doc.optimal
      ? "Proven optimal: no other lineups score more expected points."
      : `Best found in ${doc.time_limit_s} s: at most ${(doc.points_bound - doc.expected_points).toFixed(2)} points below the best possible (${pointsText(doc.points_bound)}).`;
    return [h("strong", {}, status), ` Expected points over all relays: ${pointsText(doc.expected_points)}.`];
  }
  const sum = doc.objective === "weighted time" ? "weighted sum of team times" : "sum of team times";
  const status = doc.optimal
    ? `Proven optimal: no other lineups have a lower ${sum}.`
    : `Best found in ${doc.time_limit_s} s: at most ${(100 * doc.gap).toFixed(2)} % from optimal.`;
  return [h("strong", {}, status), ` ${sum[0].toUpperCase()}${sum.slice(1)} ${timeText(doc.objective_s)}.`];
}

function meetView(doc, fileName) {
  return h("div", { class: "meet-lineups" },
    h("h2", {}, doc.optimal ? "Meet lineups: optimal" : "Meet lineups: best found"),
    h("p", { class: "meet-objective" }, objectiveText(doc, fileName)),
    h("p", { class: "meet-status" }, statusLine(doc)),
    h("p", { class: "muted" }, SPLIT_NOTE),
    h("p", { class: "muted" }, "Alternate: the best runner free to take the leg (in no team of the relay, within the limits, in no conflicting relay) and what the swap adds to the team time."),
    doc.relays.some((r) => r.legs.some((l) => l.estimated))
      ? h("p", { class: "muted" }, "* from a mark estimated at another distance; a real mark at the leg's distance makes it firmer.")
      : null,
    doc.relays.map(relayCard),
    athletesTable(doc));
}
