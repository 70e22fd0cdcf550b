// The Cards & report page in headless Chromium against a real `baton serve`: each runner's card
// and the report in a sandboxed frame, printable, on a desktop and a 375 px phone.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;

async function open(hash) {
  ({ page } = await web.open(hash, IMPORT_EXAMPLE_TEAM));
}

const cli = web.cli;

const frame = () => page.frameLocator("iframe.printout-frame");

test("the cards page shows every runner's card of the fastest order, with go-marks in foot lengths and metres", async () => {
  await open("#/cards");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("M");
  await page.getByRole("button", { name: "Show" }).click();
  const want = cli("lineup", "--event", "4x100", "--sex", "M");
  const plan = cli("plan", "--event", "4x100", "--order", want.order.join(","));
  await page.getByRole("heading", { name: "Relay cards: 4x100 m relay" }).waitFor();
  assert.ok((await page.locator(".printout p").first().textContent()).includes(want.order.join(" → ")));
  const cards = frame().locator("section.card");
  await cards.nth(3).waitFor();
  assert.equal(await cards.count(), 4);
  assert.deepEqual(await frame().locator("section.card h2").allTextContents(), want.order);
  // Legs 2-4 take the baton at a go-mark: foot lengths with metres, as planned.
  for (let leg = 2; leg <= 4; leg += 1) {
    const x = plan.exchanges[leg - 2];
    const text = await cards.nth(leg - 1).textContent();
    assert.ok(text.includes(`Leg ${leg} of 4`), text);
    assert.ok(text.includes(`${x.go_mark_foot_lengths.toFixed(1)} foot lengths (${x.go_mark_m.toFixed(2)} m)`), text);
  }
  // The frame is sandboxed without scripts, and its page is styled (the print route's policy).
  const sandbox = await page.locator("iframe.printout-frame").getAttribute("sandbox");
  assert.ok(!sandbox.includes("allow-scripts"), sandbox);
  const border = await cards.first().evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.notEqual(border, "none", "the cards' own CSS applies inside the frame");
  // Print prints the frame, not the app around it.
  const printed = await page.evaluate(() => {
    const w = document.querySelector("iframe.printout-frame").contentWindow;
    w.calls = 0;
    w.print = () => { w.calls += 1; };
    return true;
  });
  assert.ok(printed);
  await page.getByRole("button", { name: "Print the cards" }).click();
  assert.equal(await page.evaluate(() => document.querySelector("iframe.printout-frame").contentWindow.calls), 1);
});

test("a chosen order from the lineup page gives its report, and a bad order is named", async () => {
  await open("#/lineup");
  await page.getByLabel("Relay").selectOption("4x400");
  await page.getByLabel("Runners").selectOption("F");
  await page.getByRole("button", { name: "Find the best order" }).click();
  await page.getByRole("link", { name: "Cards & report" }).nth(1).click();
  await page.getByRole("heading", { name: "Relay cards: 4x400 m relay" }).waitFor();
  const want = cli("lineup", "--event", "4x400", "--sex", "F");
  assert.deepEqual(await page.locator("select[name=runner]").evaluateAll((s) => s.map((x) => x.value)), want.order);
  await page.getByLabel("Full report").check();
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("heading", { name: "Relay report: 4x400 m relay" }).waitFor();
  await frame().getByText("Running order chosen by the coach").waitFor();
  assert.ok(await frame().locator("svg").count() >= 1, "the report's charts are drawn");

  await page.getByLabel("Leg 2 (400 m)").selectOption(want.order[0]);
  await page.getByRole("button", { name: "Show" }).click();
  await page.locator("form .error").filter({ hasText: want.order[0] }).waitFor();
  assert.equal(await page.locator("iframe.printout-frame").count(), 0);
});

test("on a 375 px phone the cards page fits and works from the keyboard", async () => {
  await open("#/cards");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByLabel("Relay").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent.startsWith("Squad")), true);
  await page.getByLabel("Squad").selectOption("F");
  await page.getByRole("button", { name: "Show" }).focus();
  await page.keyboard.press("Enter");
  await frame().locator("section.card").nth(3).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `cards page is ${overflow} px wider than the screen`);
  const box = await page.getByRole("button", { name: "Print the cards" }).boundingBox();
  assert.ok(box.height >= 44, `button is ${box.height} px tall`);
});
