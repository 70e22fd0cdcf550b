// Distances and times the way coaches read them.

/** "100m" -> 100, "mile" -> 1609.344 (the API's distance keys). */
export function metres(label) {
  if (label === "mile") return 1609.344;
  const n = parseFloat(label);
  return Number.isFinite(n) ? n : Infinity;
}

/** "100m" -> "100 m", "mile" -> "Mile". */
export function distanceText(label) {
  if (label === "mile") return "Mile";
  const n = parseFloat(label);
  return Number.isFinite(n) ? `${n} m` : label;
}

/** Distance keys sorted by length. */
export function sortDistances(labels) {
  return [...labels].sort((a, b) => metres(a) - metres(b));
}

/** Seconds as coaches write them: 12.31, 58.20, 1:58.32. */
export function formatTime(seconds, decimals = 2) {
  if (!Number.isFinite(seconds) || seconds < 0) return "--";
  const scale = 10 ** decimals;
  const total = Math.round(seconds * scale) / scale;
  const minutes = Math.floor(total / 60);
  const rest = (total - minutes * 60).toFixed(decimals);
  if (minutes === 0) return rest;
  return `${minutes}:${rest.padStart(decimals + 3, "0")}`;
}

/** "+0.12 s", "−0.05 s", "±0.00 s": a change of team time. */
export function diffText(seconds) {
  const rounded = Math.round(seconds * 100) / 100;
  if (rounded === 0) return "±0.00 s";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(2)} s`;
}

export const SEX_TEXT = { F: "F (girls/women)", M: "M (boys/men)" };
export const RULES_TEXT = { wa: "World Athletics", ncaa: "NCAA", nfhs: "NFHS (US high school)" };
/** The levels a team can be set to, most experienced first (docs/MODEL.md "Level"). */
export const LEVELS = ["elite", "college", "high-school", "youth"];

/** "1 line", "3 lines": a count with its noun. */
export function counted(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A probability as a percentage: "12.3 %", "under 0.1 %" for a small non-zero chance. */
export function percentText(p) {
  if (p > 0 && p < 0.001) return "under 0.1 %";
  return `${(p * 100).toFixed(1)} %`;
}
