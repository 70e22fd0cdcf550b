// The Race odds page in headless Chromium against a real `baton serve`: opponents entered by
// seed time, the odds table and the finish-time histogram, on a desktop and a 375 px phone.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;

async function open(hash) {
  ({ page } = await web.open(hash, IMPORT_EXAMPLE_TEAM));
}

async function addOpponent(n, name, seed) {
  await page.getByRole("button", { name: "Add an opponent" }).click();
  await page.getByLabel(`Opponent ${n}`, { exact: true }).fill(name);
  await page.getByLabel(`Seed time ${n}`, { exact: true }).fill(seed);
}

const PERCENT = /^(\d{1,3}\.\d %|under 0\.1 %)$/;

test("race odds: our team against two opponents, with percentages and the histogram", async () => {
  await open("#/odds");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("F");
  await addOpponent(1, "Central", "48.90");
  await addOpponent(2, "Lakeside", "52.0");
  await page.getByRole("button", { name: "Run the races" }).click();
  await page.getByRole("heading", { name: "4x100 m relay: 20,000 simulated races" }).waitFor();
  const rows = page.locator("table.odds-table tbody tr");
  assert.equal(await rows.count(), 3);
  assert.deepEqual(await page.locator("table.odds-table tbody th").allTextContents(),
    ["Riverside HS (us)", "Central", "Lakeside"]);
  for (let i = 0; i < 3; i += 1) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    assert.equal(cells.length, 6);
    for (const c of cells.slice(0, 4)) assert.match(c, PERCENT);
    assert.match(cells[4], /^\d+\.\d\d pts$/);
    assert.match(cells[5], /^\d\d\.\d\d s$/);
  }
  // The histogram is a real SVG in the page with a bar series per team: on a laptop the wide one.
  const svg = page.locator("figure.histogram:visible svg.histogram-svg");
  assert.equal(await svg.count(), 1);
  assert.equal(await svg.getAttribute("width"), "760");
  assert.equal(await svg.getAttribute("role"), "img");
  const text = await svg.textContent();
  for (const team of ["Riverside HS", "Central", "Lakeside"]) assert.ok(text.includes(team), team);

  // A seed that is not a time is named, and the old table goes away.
  await page.getByLabel("Seed time 2", { exact: true }).fill("fast");
  await page.getByRole("button", { name: "Run the races" }).click();
  await page.locator("form .error").filter({ hasText: "opponents.1.seed" }).waitFor();
  assert.equal(await page.locator("table.odds-table").count(), 0);
  // Without that opponent the race runs again.
  await page.getByRole("button", { name: "Remove opponent 2" }).click();
  await page.getByRole("button", { name: "Run the races" }).click();
  await page.locator("table.odds-table tbody tr").nth(1).waitFor();
  assert.equal(await page.locator("table.odds-table tbody tr").count(), 2);
});

test("on a 375 px phone the race odds page fits and works from the keyboard", async () => {
  await open("#/odds");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("M");
  await page.getByRole("button", { name: "Add an opponent" }).focus();
  await page.keyboard.press("Enter");
  // The new row's name field takes the focus.
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent), "Opponent 1");
  await page.keyboard.type("Central");
  await page.keyboard.press("Tab");
  await page.keyboard.type("42.80");
  await page.getByRole("button", { name: "Run the races" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("figure.histogram:visible svg").waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `race odds page is ${overflow} px wider than the screen`);
  // Each team becomes a card: nothing to scroll sideways, every number keeps its label.
  const table = page.locator("table.odds-table");
  const hidden = await table.evaluate((t) => t.parentElement.scrollWidth - t.parentElement.clientWidth);
  assert.ok(hidden <= 0, `odds table hides ${hidden} px to the side`);
  const ours = page.locator("table.odds-table tbody tr.own td").first();
  assert.equal(await ours.evaluate((td) => getComputedStyle(td, "::before").content), '"Win: "');
  // The histogram laid out for the phone (legend under the plot), drawn at three quarters of its
  // size or more so its 12 px labels stay legible, and inside the screen.
  const histogram = page.locator("figure.histogram:visible svg");
  assert.equal(await histogram.getAttribute("width"), "400");
  const drawn = await histogram.boundingBox();
  assert.ok(drawn.width >= 300 && drawn.x + drawn.width <= 375, JSON.stringify(drawn));
  const box = await page.getByRole("button", { name: "Run the races" }).boundingBox();
  assert.ok(box.height >= 44, `button is ${box.height} px tall`);
});

test("which order: the fastest orders compared on the same races, the best marked", async () => {
  await open("#/odds");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("F");
  await addOpponent(1, "Central", "46.70");
  await page.getByLabel("Best by").selectOption("win");
  await page.getByRole("button", { name: "Compare the fastest orders" }).click();
  await page.getByRole("heading", { name: /the 6 fastest orders by the chance to win/ }).waitFor();
  const rows = page.locator("table.odds-table tbody tr");
  assert.equal(await rows.count(), 6);
  const names = await page.locator("table.odds-table tbody th").allTextContents();
  assert.equal(names.filter((n) => n.endsWith("(best)")).length, 1);
  // The best row's chance to win is the highest in the table.
  const wins = [];
  for (let i = 0; i < 6; i += 1) {
    const cells = await rows.nth(i).locator("td").allTextContents();
    assert.match(cells[0], /^\d\d\.\d\d s$/);
    assert.match(cells[1], PERCENT);
    wins.push(cells[1] === "under 0.1 %" ? 0 : parseFloat(cells[1]));
  }
  const best = names.findIndex((n) => n.endsWith("(best)"));
  assert.equal(wins[best], Math.max(...wins));
  assert.ok((await page.locator(".odds p").first().textContent()).startsWith("Best: "));
});

test("the opponents entered for a relay are there on the next visit", async () => {
  await open("#/odds");
  await page.getByLabel("Relay").selectOption("4x400");
  await page.getByLabel("Squad").selectOption("F");
  await addOpponent(1, "Central", "3:58.2");
  await addOpponent(2, "Lakeside", "4:05.0h");
  await page.getByRole("button", { name: "Run the races" }).click();
  await page.getByRole("heading", { name: /simulated races$/ }).waitFor();
  // Focus moved to the answer rather than being dropped.
  assert.match(await page.evaluate(() => document.activeElement.textContent), /simulated races$/);
  await page.reload();
  await page.getByLabel("Relay").selectOption("4x400");
  await page.getByLabel("Opponent 2", { exact: true }).waitFor();
  assert.equal(await page.getByLabel("Opponent 1", { exact: true }).inputValue(), "Central");
  assert.equal(await page.getByLabel("Seed time 1", { exact: true }).inputValue(), "3:58.2");
  assert.equal(await page.getByLabel("Opponent 2", { exact: true }).inputValue(), "Lakeside");
  assert.equal(await page.getByLabel("Seed time 2", { exact: true }).inputValue(), "4:05.0h");
});
