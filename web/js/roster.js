// The Roster page: the team's athletes and marks; add, edit and remove them; import a team file.
import { api, athletePath, ApiError } from "./api.js";
import { announce, h, replace, uid } from "./dom.js";
import { distanceText, formatTime, LEVELS, RULES_TEXT, SEX_TEXT, sortDistances } from "./format.js";
import { importSection } from "./roster_import.js";

const DISTANCES = ["60m", "100m", "200m", "300m", "400m", "500m", "600m", "800m", "1000m",
  "1500m", "1600m", "mile", "3000m", "3200m"];

export async function rosterPage(main) {
  const view = { main, team: null };
  // Built once so an import's result stays on screen while the table reloads.
  view.importEl = importSection(() => reload(view));
  replace(main, h("h1", {}, "Roster"), h("p", { class: "muted" }, "Loading the roster…"));
  await reload(view);
}

async function reload(view) {
  try {
    view.team = await api("GET", "/api/athletes");
  } catch (err) {
    replace(view.main, h("h1", {}, "Roster"), errorBox(err));
    return;
  }
  render(view);
}

function render(view) {
  const { team } = view;
  const formSlot = h("div", { id: "athlete-form-slot" });
  replace(view.main,
    h("h1", {}, "Roster"),
    teamSummary(view),
    h("section", { "aria-labelledby": "athletes-heading" },
      h("div", { class: "section-head" },
        h("h2", { id: "athletes-heading" }, `Athletes (${team.athletes.length})`),
        h("button", { type: "button", class: "primary", id: "add-athlete",
          onclick: () => openForm(view, formSlot, null) }, "Add athlete")),
      formSlot,
      team.athletes.length ? athleteTable(view, formSlot) :
        h("p", { class: "empty" }, "No athletes yet: add one, or import a team file below.")),
    view.importEl);
}

function teamSummary(view) {
  const { team } = view;
  const slot = h("div");
  const line = h("p", { class: "team-line" },
    h("strong", {}, team.name || "Unnamed team"), " · ", RULES_TEXT[team.rules] || team.rules,
    " rules · ", levelText(team), " ",
    h("button", { type: "button", class: "link", "aria-expanded": "false",
      onclick: (e) => {
        const open = e.currentTarget.getAttribute("aria-expanded") === "true";
        e.currentTarget.setAttribute("aria-expanded", String(!open));
        replace(slot, open ? null : teamForm(view));
      } }, "Change"));
  return h("div", {}, line, slot);
}

// "high-school level", or "high-school level (from the marks)" when none is set.
function levelText(team) {
  return team.level === "auto" ? `${team.level_used} level (from the marks)` : `${team.level} level`;
}

function teamForm(view) {
  const nameId = uid("team-name");
  const rulesId = uid("team-rules");
  const levelId = uid("team-level");
  const error = h("p", { class: "error", role: "alert" });
  const rules = h("select", { id: rulesId, name: "rules" },
    Object.entries(RULES_TEXT).map(([k, v]) => h("option", { value: k }, v)));
  rules.value = view.team.rules;
  // Passes and the interval of every team time depend on it (docs/MODEL.md "Level").
  const level = h("select", { id: levelId, name: "level" },
    h("option", { value: "auto" }, `From the marks (now ${view.team.level_used})`),
    LEVELS.map((l) => h("option", { value: l }, l)));
  level.value = view.team.level || "auto";
  return h("form", {
    class: "card", onsubmit: async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      try {
        await api("PUT", "/api/team", { json: { name: form.elements.name.value.trim(),
          rules: form.elements.rules.value, level: form.elements.level.value } });
        announce("Team saved");
        await reload(view);
      } catch (err) { error.textContent = describe(err); }
    } },
  h("div", { class: "row" },
    h("label", { for: nameId }, "Team name",
      h("input", { id: nameId, name: "name", value: view.team.name, maxlength: 80 })),
    h("label", { for: rulesId }, "Rule set", rules),
    h("label", { for: levelId }, "Level", level)),
  error,
  h("button", { type: "submit", class: "primary" }, "Save team"));
}

function athleteTable(view, formSlot) {
  const athletes = view.team.athletes;
  const distances = sortDistances(new Set(athletes.flatMap((a) => Object.keys(a.marks))));
  const head = h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Sex"),
    distances.map((d) => h("th", { scope: "col", class: "num" }, distanceText(d))),
    h("th", { scope: "col" }, "Splits"), h("th", { scope: "col" }, "Events"), h("th", { scope: "col" }, "Foot"),
    h("th", { scope: "col" }, "Hand"), h("th", { scope: "col" }, h("span", { class: "sr" }, "Actions")));
  const rows = athletes.map((a) => h("tr", { dataset: { athlete: a.name } },
    h("th", { scope: "row", class: "name" }, a.name),
    h("td", { "data-label": "Sex" }, a.sex),
    distances.map((d) => markCell(a, d)),
    h("td", { "data-label": "Splits" }, splitsText(a.splits)),
    h("td", { "data-label": "Events" }, (a.entries || []).join(", ")),
    h("td", { "data-label": "Foot" }, a.foot_length_m ? `${a.foot_length_m.toFixed(2)} m` : ""),
    h("td", { "data-label": "Hand" }, a.hand || ""),
    h("td", { class: "actions" },
      h("button", { type: "button", onclick: () => openForm(view, formSlot, a),
        "aria-label": `Edit ${a.name}` }, "Edit"),
      h("button", { type: "button", class: "danger", onclick: () => removeAthlete(view, a),
        "aria-label": `Remove ${a.name}` }, "Remove"))));
  return h("div", { class: "table-wrap" },
    h("table", { class: "roster stack" },
      h("caption", {}, "Best times as written (h = hand-timed, its FAT equivalent under it)."),
      h("thead", {}, head), h("tbody", {}, rows)));
}

function markCell(a, d) {
  const mark = a.marks[d];
  if (!mark) return h("td", { class: "num blank", "data-label": distanceText(d) }, "");
  const fat = a.bests[d];
  // The FAT equivalent of a hand time is printed under it: a phone has no hover.
  return h("td", { class: "num", "data-label": distanceText(d) },
    h("span", { class: "mark" }, mark),
    mark.endsWith("h") ? h("span", { class: "fat" }, `FAT ${formatTime(fat)} s`) : null);
}

function splitsText(splits) {
  const keys = Object.keys(splits).sort((x, y) => parseFloat(x) - parseFloat(y));
  return keys.map((k) => `${k} m ${splits[k].toFixed(2)} s`).join(", ");
}

async function removeAthlete(view, a) {
  if (!window.confirm(`Remove ${a.name} and all their marks?`)) return;
  try {
    await api("DELETE", athletePath(a.name));
    announce(`Removed ${a.name}`);
    await reload(view);
  } catch (err) {
    announce(describe(err));
  }
}

function describe(err) {
  return err instanceof ApiError ? err.describe() : String(err);
}

function errorBox(err) {
  return h("p", { class: "error", role: "alert" }, describe(err));
}

// The add/edit form. `athlete` is null to add a new one.
function openForm(view, slot, athlete) {
  const a = athlete || { name: "", sex: "F", marks: {}, splits: {}, foot_length_m: null, hand: null,
    form_sd_percent: null, entries: [] };
  const title = athlete ? `Edit ${athlete.name}` : "Add athlete";
  const error = h("p", { class: "error", role: "alert" });
  const marks = h("div", { class: "pairs" });
  const splits = h("div", { class: "pairs" });
  for (const d of sortDistances(Object.keys(a.marks))) marks.append(markRow(d, a.marks[d]));
  const splitKeys = Object.keys(a.splits).sort((x, y) => parseFloat(x) - parseFloat(y));
  for (const k of splitKeys) splits.append(splitRow(k, a.splits[k]));

  const ids = { name: uid("name"), sex: uid("sex"), foot: uid("foot"), hand: uid("hand"),
    form: uid("form"), entries: uid("entries") };
  const sex = h("select", { id: ids.sex, name: "sex", "data-field": "sex" },
    Object.entries(SEX_TEXT).map(([k, v]) => h("option", { value: k }, v)));
  sex.value = a.sex;
  const hand = h("select", { id: ids.hand, name: "hand", "data-field": "hand" },
    h("option", { value: "" }, "No preference"), h("option", { value: "right" }, "Right"),
    h("option", { value: "left" }, "Left"));
  hand.value = a.hand || "";

  const form = h("form", { class: "card athlete-form", "aria-labelledby": "athlete-form-title",
    onsubmit: (e) => { e.preventDefault(); saveAthlete(view, form, athlete, error); } },
  h("h3", { id: "athlete-form-title" }, title),
  h("div", { class: "row" },
    h("label", { for: ids.name }, "Name",
      h("input", { id: ids.name, name: "name", value: a.name, required: true, maxlength: 80,
        autocomplete: "off", "data-field": "name" })),
    h("label", { for: ids.sex }, "Sex", sex)),
  h("fieldset", {}, h("legend", {}, "Best marks"),
    h("p", { class: "hint" }, "Times as you write them: 12.31, 1:58.32, or 25.4h when hand-timed."),
    marks,
    h("button", { type: "button", onclick: () => addRow(marks, markRow("", "")) },
      "Add a mark")),
  h("fieldset", {}, h("legend", {}, "Sprint splits (optional)"),
    h("p", { class: "hint" }, "From a timed block start: distance in metres, time in seconds."),
    splits,
    h("button", { type: "button", onclick: () => addRow(splits, splitRow("", "")) },
      "Add a split")),
  h("label", { for: ids.entries }, "Individual events at the next meet",
    h("input", { id: ids.entries, name: "entries", value: (a.entries || []).join(", "),
      placeholder: "100m, 200m, LJ", autocomplete: "off", spellcheck: "false", "data-field": "entries" }),
    h("span", { class: "hint" }, "Separated by commas; each counts against the meet's event limit with the relays.")),
  h("div", { class: "row" },
    h("label", { for: ids.foot }, "Foot length (m)",
      h("input", { id: ids.foot, name: "foot", type: "number", step: "0.01", min: "0.15",
        max: "0.40", inputmode: "decimal", value: a.foot_length_m ?? "", "data-field": "foot_length_m" })),
    h("label", { for: ids.hand }, "Carrying hand", hand),
    h("label", { for: ids.form }, "Day-to-day spread (% of a leg)",
      h("input", { id: ids.form, name: "form", type: "number", step: "0.1", min: "0", max: "10",
        inputmode: "decimal", placeholder: "1", value: a.form_sd_percent ?? "",
        "data-field": "form_sd_percent" }))),
  error,
  h("div", { class: "buttons" },
    h("button", { type: "submit", class: "primary" }, athlete ? "Save changes" : "Add athlete"),
    h("button", { type: "button", onclick: () => { replace(slot); document.getElementById("add-athlete").focus(); } },
      "Cancel")));
  replace(slot, form);
  form.querySelector("input").focus();
}

function addRow(container, row) {
  container.append(row);
  row.querySelector("select, input").focus();
}

function markRow(distance, time) {
  const dId = uid("mark-distance");
  const tId = uid("mark-time");
  const select = h("select", { id: dId, class: "mark-distance" },
    h("option", { value: "" }, "Distance…"),
    DISTANCES.map((d) => h("option", { value: d }, distanceText(d))));
  if (distance && !DISTANCES.includes(distance)) select.append(h("option", { value: distance }, distanceText(distance)));
  select.value = distance;
  const row = h("div", { class: "pair" },
    h("label", { for: dId }, "Distance", select),
    h("label", { for: tId }, "Time",
      h("input", { id: tId, class: "mark-time", value: time, placeholder: "12.31", autocomplete: "off",
        spellcheck: "false" })),
    h("button", { type: "button", class: "danger small", "aria-label": "Remove this mark",
      onclick: () => row.remove() }, "Remove"));
  return row;
}

function splitRow(distance, seconds) {
  const dId = uid("split-distance");
  const tId = uid("split-time");
  const row = h("div", { class: "pair" },
    h("label", { for: dId }, "Distance (m)",
      h("input", { id: dId, class: "split-distance", type: "number", min: "1", max: "150", step: "any",
        inputmode: "decimal", value: distance })),
    h("label", { for: tId }, "Time (s)",
      h("input", { id: tId, class: "split-time", type: "number", min: "0.01", max: "30", step: "0.01",
        inputmode: "decimal", value: seconds === "" ? "" : Number(seconds).toFixed(2) })),
    h("button", { type: "button", class: "danger small", "aria-label": "Remove this split",
      onclick: () => row.remove() }, "Remove"));
  return row;
}

// Reads the form into the API's athlete document. Incomplete rows are reported, not dropped.
function readForm(form) {
  const body = { name: form.elements.name.value.trim(), sex: form.elements.sex.value,
    marks: {}, splits: {} };
  for (const row of form.querySelectorAll(".pair")) {
    const markDistance = row.querySelector(".mark-distance");
    if (markDistance) {
      const time = row.querySelector(".mark-time").value.trim();
      if (!markDistance.value && !time) continue;
      if (!markDistance.value) throw new FormError("choose the mark's distance", markDistance);
      if (!time) throw new FormError(`enter the ${distanceText(markDistance.value)} time`, row.querySelector(".mark-time"));
      body.marks[markDistance.value] = time;
    } else {
      const d = row.querySelector(".split-distance");
      const t = row.querySelector(".split-time");
      if (!d.value && !t.value) continue;
      if (!d.value || !t.value) throw new FormError("a split needs a distance and a time", d.value ? t : d);
      body.splits[d.value] = Number(t.value);
    }
  }
  body.entries = form.elements.entries.value.split(",").map((e) => e.trim()).filter((e) => e);
  const foot = form.elements.foot.value;
  body.foot_length_m = foot === "" ? null : Number(foot);
  body.hand = form.elements.hand.value || null;
  const spread = form.elements.form.value;
  body.form_sd_percent = spread === "" ? null : Number(spread);
  return body;
}

class FormError extends Error {
  constructor(message, input) { super(message); this.input = input; }
}

async function saveAthlete(view, form, original, error) {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  try {
    const body = readForm(form);
    if (original) await api("PUT", athletePath(original.name), { json: body });
    else await api("POST", "/api/athletes", { json: body });
    announce(original ? `Saved ${body.name}` : `Added ${body.name}`);
    await reload(view);
    document.getElementById("add-athlete")?.focus();
  } catch (err) {
    const input = err instanceof FormError ? err.input : fieldInput(form, err.field);
    error.textContent = err instanceof FormError ? err.message : describe(err);
    if (input) { input.setAttribute("aria-invalid", "true"); input.focus(); }
  }
}

// The input an API error's field names: "name", "marks.100m", "splits.10", "entries.1", ...
function fieldInput(form, field) {
  if (!field) return null;
  if (field.startsWith("entries")) return form.elements.entries;
  const direct = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  if (direct) return direct;
  const [group, key] = field.split(".");
  if (group === "marks" || group === "bests") {
    for (const s of form.querySelectorAll(".mark-distance")) {
      if (s.value === key) return s.closest(".pair").querySelector(".mark-time");
    }
  }
  if (group === "splits") {
    for (const d of form.querySelectorAll(".split-distance")) {
      if (Number(d.value) === Number(key)) return d.closest(".pair").querySelector(".split-time");
    }
  }
  return null;
}
