// The Practice page in headless Chromium against a real `baton serve`.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, pickPracticePair, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;

async function open(hash) {
  ({ page } = await web.open(hash, IMPORT_EXAMPLE_TEAM));
}

const cli = web.cli;

const report = () => page.locator("section[aria-label='Pair report'] .card");

test("a drill logged in a few taps is listed and moves the pair's go-mark", async () => {
  await open("#/practice");
  await pickPracticePair(page, "Ava Brooks", "Maya Johnson");
  await report().filter({ hasText: "No drills yet" }).waitFor();
  const before = cli("practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--exchange", "1");
  const markText = (r) => `${r.recommended_go_mark_foot_lengths.toFixed(1)} foot lengths ` +
    `(${r.recommended_go_mark_m.toFixed(2)} m)`;
  assert.ok((await report().textContent()).includes(markText(before)));
  // Without drills the reaction is the model's assumption, not something seen in practice.
  assert.ok((await report().textContent()).includes(
    `Outgoing runner assumed to leave ${before.nominal_reaction_s.toFixed(2)} s after the mark`));
  // The mark field starts at the recommendation: the coach only enters where the pass happened.
  assert.equal(await page.getByLabel("Go-mark used, m").inputValue(), before.recommended_go_mark_m.toFixed(1));
  // About three metres before the planned pass point (the field takes half metres): the
  // outgoing runner left late.
  const early = Math.round((before.target_m - 3) * 2) / 2;
  assert.ok(early > 0, `planned pass at ${before.target_m} m`);
  await page.getByLabel("Baton changed hands at, m into the zone").fill(String(early));
  await page.getByLabel("Early").check();
  await page.getByRole("button", { name: "Log drill" }).click();
  await report().filter({ hasText: "1 drill, 0 % clean" }).waitFor();
  assert.ok((await report().textContent()).includes("after the mark in practice"));
  const after = cli("practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--exchange", "1");
  assert.equal(after.drills, 1);
  assert.ok(after.recommended_go_mark_m > before.recommended_go_mark_m, "an early pass moves the mark out");
  assert.ok((await report().textContent()).includes(markText(after)));
  const items = await page.locator("ul.drills li").allTextContents();
  assert.equal(items.length, 1);
  assert.ok(items[0].includes(`pass at ${early.toFixed(2)} m, early`), items[0]);

  // Removing asks first, then the pair has no drills again.
  page.once("dialog", (d) => d.accept());
  await page.locator("ul.drills li").getByRole("button", { name: /^Remove drill/ }).click();
  await page.getByText("No drills logged for this pair.").waitFor();
  assert.equal(cli("practice", "list").drills.length, 0);
});

test("a refused drill says why and logs nothing", async () => {
  await open("#/practice");
  await page.getByLabel("Incoming (brings the baton)").selectOption("Ava Brooks");
  await page.getByLabel("Outgoing (takes it)").selectOption("Ava Brooks");
  await page.getByLabel("Go-mark used, m").fill("7");
  await page.getByLabel("Baton changed hands at, m into the zone").fill("20");
  await page.getByRole("button", { name: "Log drill" }).click();
  await page.locator("form .error").filter({ hasText: /./ }).waitFor();
  assert.equal(cli("practice", "list").drills.length, 0);
});

test("on a 375 px phone the practice form fits and outcomes are finger-sized", async () => {
  await open("#/practice");
  await page.setViewportSize({ width: 375, height: 800 });
  await report().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `practice page is ${overflow} px wider than the screen`);
  const box = await page.locator("label.choice").first().boundingBox();
  assert.ok(box.height >= 44, `outcome choice is ${box.height} px tall`);
  // Keyboard: from the incoming runner, Tab reaches the outgoing runner.
  await page.getByLabel("Incoming (brings the baton)").focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.name), "to");
});

test("the page opens on the best lineup's first pass, one squad, and takes marks in foot lengths", async () => {
  await open("#/practice");
  await report().waitFor();
  const incoming = page.getByLabel("Incoming (brings the baton)");
  const outgoing = page.getByLabel("Outgoing (takes it)");
  // The squad of the roster's first athlete (the roster lists boys and girls).
  const sex = (await incoming.locator("option:checked").textContent()).endsWith("(M)") ? "M" : "F";
  const best = cli("lineup", "--event", "4x100", "--sex", sex);
  assert.equal(await incoming.inputValue(), best.order[0]);
  assert.equal(await outgoing.inputValue(), best.order[1]);
  // The best lineup's squad is listed first, in leg order.
  const fromNames = await page.locator("select[name=from] option").evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(fromNames.slice(0, 4), best.order);
  // Never a girl handing to a boy: only the incoming runner's squad can take the baton.
  const toText = await page.locator("select[name=to] option").allTextContents();
  assert.ok(toText.length > 4 && toText.every((t) => t.endsWith(`(${sex})`)), toText.join(", "));
  await incoming.selectOption("Marcus Reed");
  const boys = await page.locator("select[name=to] option").allTextContents();
  assert.ok(boys.every((t) => t.endsWith("(M)")), boys.join(", "));
  await incoming.selectOption("Ava Brooks");
  const girls = await page.locator("select[name=to] option").allTextContents();
  assert.ok(girls.every((t) => t.endsWith("(F)")), girls.join(", "));

  // Maya Johnson's foot is 0.27 m (examples/riverside.toml): 40 foot lengths are 10.80 m.
  await outgoing.selectOption("Maya Johnson");
  await report().filter({ hasText: "Maya Johnson" }).waitFor();
  await page.getByLabel("Mark in").selectOption("foot");
  const mark = page.getByLabel("Go-mark used, foot lengths");
  // The recommendation, now in foot lengths.
  const r = cli("practice", "report", "--from", "Ava Brooks", "--to", "Maya Johnson", "--exchange", "1");
  assert.ok(Math.abs(Number(await mark.inputValue()) - r.recommended_go_mark_foot_lengths) < 0.06);
  await mark.fill("40");
  await page.getByLabel("Baton changed hands at, m into the zone").fill("12");
  await page.getByRole("button", { name: "Log drill" }).click();
  await report().filter({ hasText: "1 drill" }).waitFor();
  const drills = cli("practice", "list").drills;
  assert.equal(drills.length, 1);
  assert.equal(drills[0].go_mark_m, 10.8);
});

test("a collapsed section shows it opens, and the races section shows what moved", async () => {
  await open("#/practice");
  await report().waitFor();
  const summary = page.locator("summary", { hasText: "What the races taught" });
  const marker = await summary.evaluate((el) => {
    const before = getComputedStyle(el, "::before");
    return { width: before.borderLeftWidth, transform: before.transform };
  });
  assert.notEqual(marker.width, "0px", "the summary has a disclosure marker");
  const best = cli("lineup", "--event", "4x100", "--sex", "F");
  cli("results", "add", "--event", "4x100", "--order", best.order.join(","), "--time",
    (best.team_time_s + 1).toFixed(2), "--date", "2024-04-20");
  await summary.click();
  const races = page.locator("details.races");
  await races.getByText(/per blind pass/).waitFor();
  const turned = await summary.evaluate((el) => getComputedStyle(el, "::before").transform);
  assert.notEqual(turned, marker.transform, "the marker turns when the section opens");
  const text = await races.textContent();
  assert.ok(text.includes("+1.00 s") || /\+0\.99 s|\+1\.01 s/.test(text), text);
});
