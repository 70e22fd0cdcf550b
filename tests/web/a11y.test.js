// Accessibility in headless Chromium against a real `baton serve`: axe-core's WCAG 2.0/2.1 A and
// AA rules on every page after its main action, at 1280 px and on a 375 px phone (any violation
// fails); SVG text against the fill behind it; zone labels of 12 px or more on a phone; a focus
// ring of 3:1 or better; and focus kept on something sensible after an action.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, pickPracticePair, EXAMPLE_TEAM, JV_ROSTER } = require("./harness.js");
const { axeViolations, contrast, lowContrastSvgText, rgbOf, svgTexts } = require("./checks.js");

const web = browserSuite();
let page;
let server;
const SETUP = [["roster", "import", EXAMPLE_TEAM], ["roster", "import", JV_ROSTER]];

async function open(hash) {
  ({ page, server } = await web.open(hash, SETUP));
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** axe and the SVG text contrast at 1280 px, then again at 375 px. */
async function auditBothWidths(where) {
  const found = [];
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found.push(...await axeViolations(page, `${where} at ${width} px`));
    found.push(...await lowContrastSvgText(page, `${where} at ${width} px`));
  }
  assert.deepEqual(found, []);
}

const ACTIONS = {
  roster: ["#/roster", async () => {
    await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor();
  }],
  events: ["#/events", async () => {
    await page.getByLabel("Rule set").selectOption("ncaa");
    await page.locator(".events[data-request=ncaa] article.event").first().waitFor();
  }],
  lineup: ["#/lineup", async () => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Runners").selectOption("F");
    await page.getByRole("button", { name: "Find the best order" }).click();
    await page.locator(".order-time").filter({ hasText: "This order: " }).waitFor();
  }],
  "lineup, whole meet": ["#/lineup?mode=meet", async () => {
    await page.getByLabel("4x100 m relay, F (girls/women)", { exact: true }).check();
    await page.getByLabel("4x400 m relay, F (girls/women)", { exact: true }).check();
    // The locks, one-relay exclusions and conflicts open, with one of each added.
    await page.getByText("Locks, one-relay exclusions and schedule conflicts").click();
    const pick = { "lock-name": "Ava Brooks", "out-relay": "4x400/F", "out-name": "Maya Johnson",
      "conflict-b": "4x400/F" };
    for (const [name, value] of Object.entries(pick)) {
      await page.locator(`select[name=${name}]`).selectOption(value);
    }
    for (const title of ["Locked legs", "Out of one relay", "Schedule conflicts"]) {
      await page.getByRole("button", { name: `Add: ${title}` }).click();
    }
    // The weights open, one relay weighted.
    await page.getByText("How much each relay counts (weights)").click();
    await page.getByLabel("Weight: 4x100 m relay, F (girls/women)").fill("2");
    await page.getByRole("button", { name: "Optimise the meet" }).click();
    await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
  }],
  handoffs: ["#/handoffs", async () => {
    const order = web.cli("lineup", "--event", "4x100", "--sex", "F").order;
    for (let i = 0; i < 4; i += 1) {
      await page.getByLabel(`Leg ${i + 1} (100 m)`).selectOption(order[i]);
    }
    await page.getByRole("button", { name: "Plan the hand-offs" }).click();
    await page.locator("article.exchange svg").first().waitFor();
  }],
  cards: ["#/cards", async () => {
    await page.getByLabel("Relay").selectOption("4x400");
    await page.getByLabel("Squad").selectOption("F");
    await page.getByRole("button", { name: "Show" }).click();
    await page.frameLocator("iframe.printout-frame").locator("section.card").nth(3).waitFor();
  }],
  odds: ["#/odds", async () => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Squad").selectOption("F");
    await page.getByRole("button", { name: "Add an opponent" }).click();
    await page.getByLabel("Opponent 1", { exact: true }).fill("Central");
    await page.getByLabel("Seed time 1", { exact: true }).fill("48.90");
    await page.getByRole("button", { name: "Run the races" }).click();
    await page.getByRole("heading", { name: /simulated races$/ }).waitFor();
  }],
  practice: ["#/practice", async () => {
    await pickPracticePair(page, "Ava Brooks", "Maya Johnson");
    await page.getByLabel("Baton changed hands at, m into the zone").fill("18");
    await page.getByRole("button", { name: "Log drill" }).click();
    await page.locator("ul.drills li").first().waitFor();
  }],
};

for (const [name, [hash, act]] of Object.entries(ACTIONS)) {
  test(`axe finds no WCAG A or AA violation on the ${name} page at 1280 and 375 px`, async () => {
    await open(hash);
    await act();
    await auditBothWidths(name);
  });
}

test("the printed cards and report pass axe as pages of their own, at 1280 and 375 px", async () => {
  await open("#/roster");
  const order = web.cli("lineup", "--event", "4x400", "--sex", "F").order;
  const q = new URLSearchParams({ event: "4x400", order: order.join(",") });
  const app = page;
  // The print route's policy runs no scripts (axe included), so its page is checked as content
  // of a blank page of its own.
  page = await app.context().newPage();
  try {
    for (const kind of ["cards", "report"]) {
      const res = await page.request.get(`${server.url}print/${kind}?${q}`);
      assert.equal(res.status(), 200);
      await page.setContent(await res.text());
      await auditBothWidths(`printed ${kind}`);
    }
  } finally {
    await page.close();
    page = app;
  }
});

test("zone diagrams on a 375 px phone: the phone layout, every label 12 px or more", async () => {
  await open("#/handoffs");
  await ACTIONS.handoffs[1]();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.locator("article.exchange figure.narrow-only svg").first().waitFor();
  assert.equal(await page.locator("figure.wide-only").first().isVisible(), false);
  const labels = await svgTexts(page);
  assert.ok(labels.length >= 3 * 8, `${labels.length} labels`);
  for (const l of labels) assert.ok(l.px >= 12, `"${l.text}" renders at ${l.px.toFixed(1)} px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `hand-off page is ${overflow} px wider than the screen`);
  // At 1280 px the wide diagram is back.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.locator("figure.wide-only").first().isVisible(), true);
});

/** The focus ring of the element focused now: its colour, style and width. */
const ring = () => page.evaluate(() => {
  const s = getComputedStyle(document.activeElement);
  return { color: s.outlineColor, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
});

test("the focus ring has 3:1 or more against the white cards, the page and the bar", async () => {
  await open("#/practice");
  await page.locator("section[aria-label='Pair report'] .card").waitFor();
  const background = (selector) => page.evaluate((sel) => getComputedStyle(document.querySelector(sel)).backgroundColor, selector);
  const card = rgbOf(await background("form.card"));
  const pageBg = rgbOf(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor));
  const bar = rgbOf(await background("header.bar"));
  assert.deepEqual(card, [255, 255, 255]);
  // A button on a card, reached by the keyboard.
  await page.getByRole("button", { name: "Log drill" }).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Log drill");
  let r = await ring();
  assert.equal(r.style, "solid");
  assert.ok(r.width >= 3, `${r.width} px`);
  assert.ok(contrast(rgbOf(r.color), card) >= 3, `${r.color} on the card: ${contrast(rgbOf(r.color), card).toFixed(2)}:1`);
  assert.ok(contrast(rgbOf(r.color), pageBg) >= 3, `${r.color} on the page: ${contrast(rgbOf(r.color), pageBg).toFixed(2)}:1`);
  // A link in the blue bar.
  await page.getByRole("link", { name: "Events" }).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  r = await ring();
  assert.ok(contrast(rgbOf(r.color), bar) >= 3, `${r.color} on the bar: ${contrast(rgbOf(r.color), bar).toFixed(2)}:1`);
});

test("focus stays on the button while the meet is optimised, then moves to the result", async () => {
  await open("#/lineup?mode=meet");
  await page.getByLabel("4x100 m relay, F (girls/women)", { exact: true }).check();
  // Hold the answer until the running state has been checked: a small meet can be solved
  // before the test looks, and then there is no running state left to see.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const hold = async (route) => { await released; await route.continue(); };
  await page.route("**/api/meet-lineups", hold);
  const button = page.getByRole("button", { name: "Optimise the meet" });
  await button.focus();
  await page.keyboard.press("Enter");
  try {
    assert.equal(await page.evaluate(() => document.activeElement.textContent), "Optimising…");
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-disabled")), "true");
  } finally {
    release();  // later requests then pass straight through the route
  }
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Meet lineups: /);
});

test("after a drill is removed focus goes to the next drill's Remove button, then to the list", async () => {
  await open("#/practice");
  await pickPracticePair(page, "Ava Brooks", "Maya Johnson");
  for (const at of ["17", "19"]) {
    await page.getByLabel("Baton changed hands at, m into the zone").fill(at);
    await page.getByRole("button", { name: "Log drill" }).click();
    await page.locator("section[aria-label='Drills logged'] h2").filter({ hasText: at === "17" ? "(1)" : "(2)" }).waitFor();
  }
  page.on("dialog", (d) => d.accept());
  await page.locator("ul.drills li").first().getByRole("button").focus();
  await page.keyboard.press("Enter");
  await page.locator("section[aria-label='Drills logged'] h2").filter({ hasText: "(1)" }).waitFor();
  assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-label") || ""), /^Remove drill of /);
  await page.keyboard.press("Enter");
  await page.getByText("No drills logged for this pair.").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "No drills logged for this pair.");
});
