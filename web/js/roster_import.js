// Importing a team: a TOML team file, a CSV roster, or another program's file (Hy-Tek, MeetPro,
// FinishLynx, OpenTrack, TFRRS, Athletic.net, a spreadsheet: format "auto", one team of it),
// pasted or chosen from the device.
import { api, ApiError } from "./api.js";
import { announce, h, uid } from "./dom.js";
import { counted } from "./format.js";

export function importSection(onImported) {
  const ids = { file: uid("import-file"), text: uid("import-text"), format: uid("import-format"),
    replace: uid("import-replace"), team: uid("import-team") };
  const result = h("p", { class: "result", role: "status" });
  const error = h("p", { class: "error", role: "alert" });
  const format = h("select", { id: ids.format, name: "format" },
    h("option", { value: "toml" }, "TOML team file"), h("option", { value: "csv" }, "CSV roster"),
    h("option", { value: "auto" },
      "Another program's file (Hy-Tek, MeetPro, FinishLynx, OpenTrack, TFRRS, Athletic.net, spreadsheet)"));
  const team = h("input", { id: ids.team, name: "team", type: "text", autocomplete: "off" });
  const text = h("textarea", { id: ids.text, name: "text", rows: 8, spellcheck: "false",
    placeholder: 'name = "Riverside HS"\nrules = "nfhs"\n\n[[athlete]]\nname = "Ava Brooks"\nsex = "F"\nbests = { "100m" = "12.31" }' });
  const file = h("input", { id: ids.file, name: "file", type: "file",
    accept: ".toml,.csv,.txt,.json,.lif,.evt,.ppl,.sch,text/csv,text/plain,application/json",
    onchange: async () => {
      const chosen = file.files[0];
      if (!chosen) return;
      if (chosen.size > 1024 * 1024) { error.textContent = "the file is larger than 1 MiB"; return; }
      // UTF-8, or UTF-16 with its byte-order mark (Windows programs' "Unicode text").
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const encoding = bytes[0] === 0xFF && bytes[1] === 0xFE ? "utf-16le"
        : bytes[0] === 0xFE && bytes[1] === 0xFF ? "utf-16be" : "utf-8";
      text.value = new TextDecoder(encoding).decode(bytes);
      // A team file is TOML; a CSV with Baton's roster header (name, sex, ...) is a roster; any
      // other file is another program's, read as the format its content shows.
      const header = text.value.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0].toLowerCase();
      format.value = chosen.name.toLowerCase().endsWith(".toml") ? "toml"
        : /^name,sex(,|$)/.test(header.replace(/\s+/g, "")) ? "csv" : "auto";
    } });
  const form = h("form", { class: "card", onsubmit: async (e) => {
    e.preventDefault();
    error.textContent = "";
    result.textContent = "";
    if (!text.value.trim()) { error.textContent = "paste a team file or choose one first"; text.focus(); return; }
    const replace = form.elements.replace.checked;
    try {
      if (format.value === "auto") {
        const name = file.files[0] ? file.files[0].name : "pasted text";
        const s = await api("POST", `/api/import?format=auto&name=${encodeURIComponent(name)}` +
          `&team=${encodeURIComponent(team.value.trim())}`, { text: text.value });
        const others = s.other_teams_lines
          ? ` (and ${counted(s.other_teams_lines, "line")} of the file's other teams)` : "";
        result.textContent = `Imported ${s.format}${s.team ? ` for ${s.team}` : ""}: ${s.athletes.new} new, ` +
          `${s.athletes.updated} updated, ${s.athletes.merged} merged; ${counted(s.marks, "mark")}, ` +
          `${counted(s.results, "relay result")}; ${counted(s.skipped.length, "line")} skipped${others}.`;
        announce(result.textContent);
        await onImported();
        return;
      }
      const s = await api("POST", `/api/import?format=${format.value}&replace=${replace}`, { text: text.value });
      const parts = [`${s.added} new`, `${s.updated} updated`];
      if (replace) parts.push(`${s.removed} removed`);
      result.textContent = `Imported ${s.athletes} athletes${s.team ? ` into ${s.team}` : ""}: ${parts.join(", ")}.`;
      announce(result.textContent);
      await onImported();
    } catch (err) {
      error.textContent = err instanceof ApiError ? `Nothing was imported. ${err.describe()}` : String(err);
    }
  } },
  h("div", { class: "row" },
    h("label", { for: ids.file }, "Team file", file),
    h("label", { for: ids.format }, "Format", format)),
  h("label", { for: ids.text, class: "block" }, "…or paste it here", text),
  h("label", { for: ids.team, class: "block" },
    "Team in another program's file (name or code; needed when it holds several)", team),
  h("label", { for: ids.replace, class: "check" },
    h("input", { id: ids.replace, name: "replace", type: "checkbox" }),
    "Replace the roster (remove athletes who are not in the file)"),
  error, result,
  h("button", { type: "submit", class: "primary" }, "Import"));
  return h("section", { "aria-labelledby": "import-heading", class: "import" },
    h("h2", { id: "import-heading" }, "Import a team"),
    h("p", { class: "hint" }, "Everything in the file is checked first: if any line is wrong, nothing changes."),
    form);
}
