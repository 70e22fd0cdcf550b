// The Lineup and Hand-off pages in headless Chromium against a real `baton serve`.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;

async function open(hash) {
  ({ page } = await web.open(hash, IMPORT_EXAMPLE_TEAM));
}

const cli = web.cli;
const formatted = (s) => `${s.toFixed(2)} s`;

async function optimise(event, sex) {
  await page.getByLabel("Relay").selectOption(event);
  await page.getByLabel("Runners").selectOption(sex);
  await page.getByRole("button", { name: "Find the best order" }).click();
  await page.getByRole("heading", { name: /^Best order: / }).waitFor();
}

const shownOrder = () => page.locator("table.legs tbody th").allTextContents();

test("the lineup page shows the best order, its time and the alternatives with gaps", async () => {
  await open("#/lineup");
  await optimise("4x100", "F");
  const want = cli("lineup", "--event", "4x100", "--sex", "F", "--top", "3");
  assert.equal(await page.getByRole("heading", { name: /^Best order: / }).textContent(),
    `Best order: ${formatted(want.team_time_s)}`);
  assert.deepEqual(await shownOrder(), want.order);
  // One split per runner: the baton-to-baton split baton lineup prints, adding up to the team
  // time as shown, and the same number the order editor shows for the best order.
  const splits = await page.locator("table.legs tbody td:nth-child(4)").allTextContents();
  assert.deepEqual(splits, want.legs.map((l) => formatted(l.split_s)));
  const hundredths = (text) => Math.round(parseFloat(text) * 100);
  assert.equal(splits.reduce((sum, t) => sum + hundredths(t), 0), hundredths(want.team_time_s.toFixed(2)));
  assert.equal(await page.locator("table.legs thead th").nth(3).textContent(), "Split");
  await page.locator(".leg-row .split").first().filter({ hasText: "split" }).waitFor();
  const editor = await page.locator(".leg-row .split").allTextContents();
  assert.deepEqual(editor.map((t) => t.replace(" *", "")), want.legs.map((l) => `split ${formatted(l.split_s)}`));
  const alts = await page.locator("ol.alternatives li").allTextContents();
  assert.equal(alts.length, 3);
  assert.ok(alts[0].startsWith(want.alternatives[0].order.join(" → ")), alts[0]);
  assert.ok(alts[0].includes(`(+${want.alternatives[0].gap_s.toFixed(2)} s)`), alts[0]);

  // Lock the anchor onto leg 2 and leave the leadoff out.
  await page.getByLabel("Leg 2 (100 m)").selectOption(want.order[3]);
  await page.getByText("Leave out athletes").click();
  await page.getByLabel(`${want.order[0]} (F)`).check();
  await page.getByRole("button", { name: "Find the best order" }).click();
  await page.locator("table.legs tbody th").nth(1).filter({ hasText: want.order[3] }).waitFor();
  const order = await shownOrder();
  assert.equal(order[1], want.order[3]);
  assert.ok(!order.includes(want.order[0]));
});

test("an impossible request names what is wrong and shows no lineup", async () => {
  await open("#/lineup");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Runners").selectOption("F");
  await page.getByLabel("Leg 1 (100 m)").selectOption("Ava Brooks");
  await page.getByLabel("Leg 2 (100 m)").selectOption("Ava Brooks");
  await page.getByRole("button", { name: "Find the best order" }).click();
  const alert = page.locator("form .error");
  await alert.filter({ hasText: /Ava Brooks/ }).waitFor();
  assert.equal(await page.getByRole("heading", { name: /^Best order: / }).count(), 0);
});

test("the hand-off page draws each exchange with hands, go-mark and risk", async () => {
  await open("#/lineup");
  await optimise("4x100", "F");
  await page.getByRole("link", { name: "Plan the hand-offs", exact: true }).click();
  await page.locator("article.exchange").nth(2).waitFor();
  const want = cli("lineup", "--event", "4x100", "--sex", "F");
  const plan = cli("plan", "--event", "4x100", "--order", want.order.join(","));
  const cards = page.locator("article.exchange");
  assert.equal(await cards.count(), 3);
  for (let i = 0; i < 3; i += 1) {
    const x = plan.exchanges[i];
    const card = cards.nth(i);
    assert.equal(await card.locator("h2").textContent(), `Exchange ${i + 1}: ${x.from} → ${x.to}`);
    // The diagram is a real SVG element in the page, not text: one laid out for this screen,
    // one for phones, only the first shown.
    assert.equal(await card.locator("figure.wide-only svg.zone-svg").count(), 1);
    assert.equal(await card.locator("figure.narrow-only svg.zone-svg").count(), 1);
    assert.ok(await card.locator("figure.wide-only svg.zone-svg").isVisible());
    assert.ok(!await card.locator("figure.narrow-only svg.zone-svg").isVisible());
    assert.ok(await card.locator("svg.zone-svg rect.go-mark").count() >= 1);
    const facts = await card.locator("dl.facts").textContent();
    assert.ok(facts.includes(`${x.go_mark_foot_lengths.toFixed(1)} foot lengths (${x.go_mark_m.toFixed(2)} m)`), facts);
    assert.ok(facts.includes(`${x.carry_hand_in} hand to ${x.receive_hand} hand`), facts);
    assert.ok(facts.includes(x.technique), facts);
    assert.ok(/Risk of a failed pass(\d+\.\d %|under 0\.1 %)/.test(facts), facts);
  }
  assert.deepEqual(await page.locator("table.legs tbody th").allTextContents(), want.order);
});

test("on a 375 px phone the lineup and hand-off pages fit and work from the keyboard", async () => {
  await open("#/lineup");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByLabel("Relay").focus();
  await page.keyboard.press("Tab");  // to "Runners"
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent.startsWith("Runners")), true);
  await page.getByLabel("Runners").selectOption("M");
  await page.getByRole("button", { name: "Find the best order" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: /^Best order: / }).waitFor();
  let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `lineup page is ${overflow} px wider than the screen`);
  await page.getByRole("link", { name: "Plan the hand-offs", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.locator("article.exchange figure.narrow-only svg").first().waitFor();
  overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `hand-off page is ${overflow} px wider than the screen`);
  const box = await page.getByRole("button", { name: "Plan the hand-offs" }).boundingBox();
  assert.ok(box.height >= 44, `button is ${box.height} px tall`);
});
