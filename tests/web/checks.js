// Checks the browser tests share: axe-core's WCAG 2.0/2.1 A and AA rules, the contrast of SVG
// text against the fill behind it, the rendered size of SVG labels, and the focus ring.
const fs = require("node:fs");

let axeSource = null;
function axeScript() {
  if (axeSource === null) {
    let file;
    try {
      file = require.resolve("axe-core/axe.min.js");
    } catch {
      throw new Error("axe-core is missing: run scripts/install-deps.sh --browser (or npm install in tests/web)");
    }
    axeSource = fs.readFileSync(file, "utf8");
  }
  return axeSource;
}

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; returns one line per
 * violation ("where: rule (impact): selectors"), [] when there are none. Injected through the
 * DevTools protocol, so the page's policy (no inline scripts) does not block it. Frames are left
 * to their own check (the printouts are checked as pages of their own).
 */
async function axeViolations(page, where) {
  await page.evaluate(axeScript());
  const result = await page.evaluate((tags) => window.axe.run(document,
    { runOnly: { type: "tag", values: tags }, iframes: false, resultTypes: ["violations"],
      // WCAG 2.5.3 (label in name) is an axe rule still marked experimental: asked for by name.
      rules: { "label-content-name-mismatch": { enabled: true } } }), WCAG_AA);
  return result.violations.map((v) =>
    `${where}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** WCAG's contrast ratio of two sRGB colours given as [r, g, b] (0-255). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Every visible SVG <text> on the page: its text, colour, the colour of what is painted under
 * its centre (the topmost SVG shape, else the nearest element with a background; shapes drawn
 * translucent are blended onto white), and its size as rendered in CSS px.
 */
async function svgTexts(page) {
  return page.evaluate(() => {
    const rgb = (text) => {
      const m = /rgba?\(([^)]+)\)/.exec(text || "");
      if (!m) return null;
      const p = m[1].split(",").map((v) => parseFloat(v));
      return { c: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
    };
    const onWhite = (c, a) => c.map((v) => v * a + 255 * (1 - a));
    const out = [];
    for (const t of document.querySelectorAll("svg text")) {
      if (!t.getClientRects().length || !t.textContent.trim()) continue;
      t.scrollIntoView({ block: "center", inline: "center" });
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(t);
      const fg = rgb(style.fill);
      let bg = null;
      for (const el of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
        if (el === t || t.contains(el) || el.closest("text")) continue;
        const s = getComputedStyle(el);
        if (el instanceof SVGLineElement || el instanceof SVGPolylineElement) continue;  // strokes only
        if (el instanceof SVGGeometryElement) {
          const f = rgb(s.fill);
          if (f && s.fill !== "none" && parseFloat(s.fillOpacity || "1") > 0) {
            bg = onWhite(f.c, f.a * parseFloat(s.fillOpacity || "1") * parseFloat(s.opacity || "1"));
            break;
          }
        } else {
          const b = rgb(s.backgroundColor);
          if (b && b.a > 0) { bg = onWhite(b.c, b.a); break; }
        }
      }
      const svg = t.ownerSVGElement;
      const view = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width;
      const scale = view ? svg.getBoundingClientRect().width / view : 1;
      out.push({ text: t.textContent.trim(), fg: fg ? fg.c : [0, 0, 0], bg: bg || [255, 255, 255],
        px: parseFloat(style.fontSize) * scale, bold: Number(style.fontWeight) >= 700 });
    }
    return out;
  });
}

/** The SVG labels under WCAG AA contrast (4.5:1; 3:1 for large text), one line each. */
async function lowContrastSvgText(page, where) {
  const bad = [];
  for (const t of await svgTexts(page)) {
    const large = t.px >= 24 || (t.bold && t.px >= 18.66);
    const ratio = contrast(t.fg, t.bg);
    if (ratio < (large ? 3 : 4.5)) bad.push(`${where}: "${t.text}" ${ratio.toFixed(2)}:1 (${t.fg} on ${t.bg})`);
  }
  return bad;
}

/** Parses "rgb(176, 58, 0)" to [176, 58, 0]. */
function rgbOf(text) {
  const m = /rgba?\(([^)]+)\)/.exec(text);
  return m[1].split(",").slice(0, 3).map((v) => parseFloat(v));
}

module.exports = { axeViolations, contrast, svgTexts, lowContrastSvgText, rgbOf };
