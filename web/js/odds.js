// The Race odds page: our team (fastest or chosen order, planned hand-offs, the pairs' practice
// records) against opponents entered by seed time; the chance of each place, a DQ or a drop,
// expected points, mean time, and the finish-time histogram. Also: which of the fastest orders
// wins that race most often (or scores most points), compared on the same simulated races.
import { api } from "./api.js";
import { announce, focusResult, h, replace, svgFigure, uid } from "./dom.js";
import { latest, STALE } from "./latest.js";
import { percentText } from "./format.js";
import { describe, errorBox, loadRelays, relayChooser, timeText } from "./relay_form.js";

const MAX_OPPONENTS = 15;

export async function oddsPage(main, params = new URLSearchParams()) {
  replace(main, h("h1", {}, "Race odds"), h("p", { class: "muted" }, "Loading the roster…"));
  let data;
  try {
    data = await loadRelays();
  } catch (err) {
    replace(main, h("h1", {}, "Race odds"), errorBox(err));
    return;
  }
  if (!data.team.athletes.length) {
    replace(main, h("h1", {}, "Race odds"),
      h("p", { class: "empty" }, "No athletes yet: add them on the ", h("a", { href: "#/roster" }, "Roster"), " page."));
    return;
  }
  render(main, data, params);
}

function render(main, data, params) {
  const chooser = relayChooser(data, params);
  const rows = h("div", { class: "opponents" });
  const count = () => rows.children.length;
  const add = h("button", { type: "button" }, "Add an opponent");
  const addRow = ({ focus = true, opponent = { name: "", seed: "" } } = {}) => {
    const n = count() + 1;
    const nameId = uid("opponent");
    const seedId = uid("seed");
    const name = h("input", { id: nameId, name: "opponent", maxlength: 60, autocomplete: "off",
      value: opponent.name });
    const seed = h("input", { id: seedId, name: "seed", inputmode: "decimal", placeholder: "46.55",
      autocomplete: "off", size: 8, value: opponent.seed });
    const row = h("div", { class: "pair opponent" },
      h("label", { for: nameId }, `Opponent ${n}`, name),
      h("label", { for: seedId, class: "seed" }, `Seed time ${n}`, seed));
    row.append(h("button", { type: "button", class: "small", "aria-label": `Remove opponent ${n}`,
      onclick: () => { row.remove(); renumber(); add.focus(); } }, "Remove"));
    rows.append(row);
    add.disabled = count() >= MAX_OPPONENTS;
    if (focus) name.focus();
  };
  // Labels follow the rows' positions so "Opponent 2" is always the second row.
  const renumber = () => {
    [...rows.children].forEach((row, i) => {
      const [nameLabel, seedLabel] = row.querySelectorAll("label");
      nameLabel.firstChild.textContent = `Opponent ${i + 1}`;
      seedLabel.firstChild.textContent = `Seed time ${i + 1}`;
      row.querySelector("button").setAttribute("aria-label", `Remove opponent ${i + 1}`);
    });
    add.disabled = count() >= MAX_OPPONENTS;
  };
  add.addEventListener("click", () => addRow());
  // The field entered last time for this relay comes back (saved on this device, see saveField).
  const restoreField = () => {
    const saved = loadField(chooser.request().event);
    if (!saved.length && count()) return;
    rows.replaceChildren();
    for (const opponent of saved) addRow({ focus: false, opponent });
    add.disabled = count() >= MAX_OPPONENTS;
  };
  chooser.onEventChange(restoreField);
  restoreField();

  const runsId = uid("runs");
  const seedId = uid("rng");
  const runs = h("input", { id: runsId, name: "runs", type: "number", min: 1000, max: 200000, step: 1000,
    value: "20000", inputmode: "numeric" });
  const seed = h("input", { id: seedId, name: "seed", type: "number", min: 0, step: 1, value: "1",
    inputmode: "numeric" });
  const error = h("p", { class: "error", role: "alert" });
  const result = h("section", { "aria-live": "polite", "aria-label": "Race odds" });
  const button = h("button", { type: "submit", class: "primary" }, "Run the races");
  const answers = latest(result);
  // A button that starts a request stays focusable while it runs (aria-disabled), so focus is
  // never dropped to the page; a second press is ignored until the answer is in.
  const busy = (b) => b.getAttribute("aria-disabled") === "true";

  const field = () => [...rows.children].map((row) => ({
    name: row.querySelector("input[name=opponent]").value,
    seed: row.querySelector("input[name=seed]").value.trim(),
  }));
  const run = async () => {
    if (busy(button)) return;
    error.textContent = "";
    const body = chooser.request();
    body.opponents = field();
    body.runs = Number(runs.value || 0);
    body.seed = Number(seed.value || 0);
    button.setAttribute("aria-disabled", "true");
    try {
      const doc = await answers.run((signal) => api("POST", "/api/simulations", { json: body, signal }),
        `races ${body.event}`);
      if (doc === STALE) return;
      saveField(body.event, body.opponents);
      replace(result, oddsView(doc));
      announce(`${doc.runs.toLocaleString("en")} races run: ${percentText(doc.teams[0].p_win)} to win`);
      focusResult(result);
    } catch (err) {
      replace(result);
      error.textContent = describe(err);
    } finally {
      button.removeAttribute("aria-disabled");
    }
  };
  // Which order: the fastest orders on the same races, best by the chosen objective.
  const objectiveId = uid("objective");
  const objective = h("select", { id: objectiveId, name: "objective" },
    h("option", { value: "win" }, "the chance to win"),
    h("option", { value: "points" }, "expected points"));
  const compareButton = h("button", { type: "button" }, "Compare the fastest orders");
  const compare = async () => {
    if (busy(compareButton)) return;
    error.textContent = "";
    const body = chooser.request();
    delete body.order;
    body.objective = objective.value;
    body.opponents = field();
    body.seed = Number(seed.value || 0);
    compareButton.setAttribute("aria-disabled", "true");
    try {
      const doc = await answers.run((signal) => api("POST", "/api/lineup-odds", { json: body, signal }),
        `orders ${body.event} by ${body.objective}`);
      if (doc === STALE) return;
      saveField(body.event, body.opponents);
      replace(result, compareView(doc));
      announce(`Best order: ${doc.order.join(", ")}`);
      focusResult(result);
    } catch (err) {
      replace(result);
      error.textContent = describe(err);
    } finally {
      compareButton.removeAttribute("aria-disabled");
    }
  };
  compareButton.addEventListener("click", compare);

  const form = h("form", { class: "card", onsubmit: (e) => { e.preventDefault(); run(); } },
    chooser.fields,
    h("fieldset", {}, h("legend", {}, "Opponents"),
      h("p", { class: "hint" }, "Each team's name and seed time as written (46.55, 3:25.4, 46.5h for a hand time)."),
      rows, add),
    h("details", {}, h("summary", {}, "Simulation settings"),
      h("div", { class: "row" },
        h("label", { for: runsId }, "Races to simulate (1,000 to 200,000)", runs),
        h("label", { for: seedId }, "Random seed", seed))),
    error,
    h("div", { class: "buttons" }, button),
    h("fieldset", {}, h("legend", {}, "Which order?"),
      h("p", { class: "hint" }, "The six fastest orders, each raced against this field on the same simulated races (10,000 each)."),
      h("label", { for: objectiveId }, "Best by", objective),
      compareButton));
  replace(main, h("h1", {}, "Race odds"),
    h("p", { class: "hint" }, "Thousands of simulated races against the field: day form, hand-off timing, drops and disqualifications."),
    form, result);
}

// The opponents' field is kept per relay in this browser's localStorage: it is the coach's
// scouting for the next meet, needed at the track with or without a network, and private to the
// device that typed it. A field is saved when races are run with it.
const FIELD_KEY = (event) => `baton.opponents.${event}`;

function loadField(event) {
  try {
    const saved = JSON.parse(localStorage.getItem(FIELD_KEY(event)) || "[]");
    return Array.isArray(saved) ? saved.filter((o) => o && typeof o.name === "string" && typeof o.seed === "string")
      .slice(0, MAX_OPPONENTS) : [];
  } catch {
    return [];
  }
}

function saveField(event, opponents) {
  try {
    localStorage.setItem(FIELD_KEY(event), JSON.stringify(opponents.filter((o) => o.name || o.seed)));
  } catch {
    // Storage full or switched off: the field is simply not remembered.
  }
}

// Table cells of the odds tables: numbers, labelled for the card layout on phones.
const col = (text) => h("th", { scope: "col", class: "num" }, text);
const cell = (label, text) => h("td", { class: "num", "data-label": label }, text);

function oddsView(doc) {
  return h("div", { class: "card odds" },
    h("h2", {}, `${doc.name}: ${doc.runs.toLocaleString("en")} simulated races`),
    h("p", {}, doc.chosen ? "Our order (chosen): " : "Our order (fastest): ", h("strong", {}, doc.order.join(" → "))),
    h("div", { class: "scroll-x", tabindex: "0", role: "region", "aria-label": "Chance of each result" },
      h("table", { class: "legs odds-table stack" },
      h("caption", { class: "sr" }, "Chance of each result for every team"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Team"), col("Win"), col("Podium"),
        col("DQ or DNF"), col("Dropped baton"), col("Expected points"), col("Mean time"))),
      h("tbody", {}, doc.teams.map((t) => h("tr", { class: t.own ? "own" : null },
        h("th", { scope: "row" }, t.team, t.own ? h("span", { class: "muted" }, " (us)") : null),
        cell("Win", percentText(t.p_win)), cell("Podium", percentText(t.p_podium)),
        cell("DQ or DNF", percentText(t.p_dq)), cell("Dropped baton", percentText(t.p_drop)),
        cell("Expected points", `${t.expected_points.toFixed(2)} pts`),
        cell("Mean time", t.mean_time_s > 0 ? timeText(t.mean_time_s) : "no finish")))))),
    h("p", { class: "muted" }, `Seed ${doc.seed}: the same seed gives the same numbers.`),
    // One picture for laptops, one laid out for phones; the style sheet shows the one that fits.
    svgFigure(doc.svg, `Finish-time histogram of the ${doc.name}`, "histogram-svg", "histogram wide-only"),
    svgFigure(doc.svg_narrow, `Finish-time histogram of the ${doc.name}`, "histogram-svg", "histogram narrow-only"));
}

function compareView(doc) {
  const best = doc.chosen;
  const fastest = doc.fastest;
  const win = doc.objective === "win";
  const same = best.order.join() === fastest.order.join();
  const value = (c) => (win ? percentText(c.p_win) : `${c.expected_points.toFixed(2)} pts`);
  const se = win ? percentText(doc.standard_error) : `${doc.standard_error.toFixed(2)} pts`;
  return h("div", { class: "card odds" },
    h("h2", {}, `${doc.name}: the ${doc.candidates.length} fastest orders by ${win ? "the chance to win" : "expected points"}`),
    h("p", {}, "Best: ", h("strong", {}, best.order.join(" → ")), ` (${value(best)}). `,
      same ? "It is also the fastest order."
        : `The fastest order, ${fastest.order.join(" → ")}, gets ${value(fastest)}; the best is ` +
          `${(best.team_time_s - fastest.team_time_s).toFixed(2)} s slower on paper.`),
    h("div", { class: "scroll-x", tabindex: "0", role: "region", "aria-label": "Candidate orders" },
      h("table", { class: "legs odds-table stack" },
      h("caption", { class: "sr" }, "Each candidate order against the same races"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Order"), col("Predicted"), col("Win"),
        col("Podium"), col("DQ or DNF"), col("Expected points"))),
      h("tbody", {}, doc.candidates.map((c) => {
        const isBest = c.order.join() === best.order.join();
        return h("tr", { class: isBest ? "own" : null },
          h("th", { scope: "row" }, c.order.join(", "), isBest ? h("span", { class: "muted" }, " (best)") : null),
          cell("Predicted", timeText(c.team_time_s)), cell("Win", percentText(c.p_win)),
          cell("Podium", percentText(c.p_podium)), cell("DQ or DNF", percentText(c.p_dq)),
          cell("Expected points", `${c.expected_points.toFixed(2)} pts`));
      })))),
    h("p", { class: "muted" }, `${doc.runs.toLocaleString("en")} races per order, seed ${doc.seed}; ` +
      `differences much smaller than the Monte Carlo error (${se}) are noise.`));
}
