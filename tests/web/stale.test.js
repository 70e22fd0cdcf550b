// Answers that arrive late never win: every form that sends a request on each change is driven
// by fast arrow keys while the server's answers are held back, the earliest longest (so they
// arrive after the later ones, in reverse order), and the page must end showing the answer to
// the last request only.
const { test, afterEach } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;
let held = null;

async function open(hash) {
  ({ page } = await web.open(hash, IMPORT_EXAMPLE_TEAM));
}

const cli = web.cli;

/**
 * Holds back the answers to requests matching `pattern`: the n-th by 150 ms less than the one
 * before it (900 ms for the first), so earlier answers come last. `settled()` resolves once
 * every held request has been let through.
 */
async function holdEarlierAnswers(pattern) {
  let n = 0;
  let pending = 0;
  const handler = async (route) => {
    n += 1;
    pending += 1;
    await new Promise((r) => setTimeout(r, Math.max(0, 900 - 150 * n)));
    try {
      await route.continue();
    } catch {
      // The page gave the request up (aborted): nothing to answer.
    }
    pending -= 1;
  };
  await page.context().route(pattern, handler);
  held = { pattern, handler };
  return {
    count: () => n,
    settled: async () => {
      while (pending > 0) await new Promise((r) => setTimeout(r, 50));
      // Let the page handle the last answers it was given.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    },
  };
}

afterEach(async () => {
  if (held && page) await page.context().unroute(held.pattern, held.handler).catch(() => {});
  held = null;
});

async function arrow(locator, key, times) {
  await locator.focus();
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

test("practice: arrowing through the runners leaves the last pair's report and its go-mark", async () => {
  await open("#/practice");
  const report = page.locator("section[aria-label='Pair report']");
  await report.locator(".card").waitFor();
  const answers = await holdEarlierAnswers("**/api/practice/report?*");
  const incoming = page.getByLabel("Incoming (brings the baton)");
  const outgoing = page.getByLabel("Outgoing (takes it)");
  await arrow(incoming, "ArrowDown", 2);
  await arrow(outgoing, "ArrowDown", 6);
  if (await outgoing.inputValue() === await incoming.inputValue()) await page.keyboard.press("ArrowDown");
  const from = await incoming.inputValue();
  const to = await outgoing.inputValue();
  await answers.settled();
  assert.ok(answers.count() >= 3, `${answers.count()} report requests held back`);
  assert.equal(await report.getAttribute("aria-busy"), null);
  assert.ok((await report.getAttribute("data-request")).startsWith(`${from} → ${to},`));
  assert.equal(await report.locator("h2").textContent(), `${from} → ${to}`);
  const want = cli("practice", "report", "--from", from, "--to", to, "--exchange", "1");
  assert.equal(await page.getByLabel("Go-mark used, m").inputValue(), want.recommended_go_mark_m.toFixed(1));
  assert.equal(await page.locator(".field-note").textContent(), `Recommended for ${from} → ${to}`);
  assert.equal(await page.locator("section[aria-label='Drills logged']").getAttribute("data-request"), `${from} → ${to}`);
});

test("practice: a mark typed by hand is never overwritten by a late report", async () => {
  await open("#/practice");
  await page.locator("section[aria-label='Pair report'] .card").waitFor();
  const answers = await holdEarlierAnswers("**/api/practice/report?*");
  await arrow(page.getByLabel("Outgoing (takes it)"), "ArrowDown", 3);
  await page.getByLabel("Go-mark used, m").fill("9.9");
  await answers.settled();
  assert.equal(await page.getByLabel("Go-mark used, m").inputValue(), "9.9");
  assert.equal(await page.locator(".field-note").textContent(), "Entered by hand");
});

test("lineup: arrowing through a leg's runner shows the time of the order finally chosen", async () => {
  await open("#/lineup");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Runners").selectOption("F");
  await page.getByRole("button", { name: "Find the best order" }).click();
  const summary = page.locator(".order-time");
  await summary.filter({ hasText: "This order: " }).waitFor();
  const answers = await holdEarlierAnswers("**/api/predictions");
  await arrow(page.locator("select[name=leg-runner]").nth(3), "ArrowDown", 5);
  await arrow(page.locator("select[name=leg-runner]").nth(3), "ArrowUp", 1);
  const names = await page.locator("select[name=leg-runner]").evaluateAll((s) => s.map((x) => x.value));
  await answers.settled();
  assert.ok(answers.count() >= 3, `${answers.count()} predictions held back`);
  assert.equal(await summary.getAttribute("data-request"), names.join(", "));
  assert.equal(await summary.getAttribute("aria-busy"), null);
  let want = null;
  try {
    want = cli("predict", "--event", "4x100", "--order", names.join(","));
  } catch {
    want = null;  // the order cannot run (a runner twice): the page must say so
  }
  if (want) {
    assert.ok((await summary.textContent()).startsWith(`This order: ${want.team_time_s.toFixed(2)} s`),
      await summary.textContent());
  } else {
    assert.equal(await summary.textContent(), "This order cannot run as chosen.");
  }
});

test("events: arrowing through the rule sets lists the events of the last one", async () => {
  await open("#/events");
  const list = page.locator(".events");
  await list.locator("article.event").first().waitFor();
  const select = page.getByLabel("Rule set");
  await select.selectOption("wa");
  await page.locator(".events[data-request=wa]").waitFor();
  const answers = await holdEarlierAnswers("**/api/events?*");
  await arrow(select, "ArrowDown", 2);
  await arrow(select, "ArrowUp", 1);
  const rules = await select.inputValue();
  await answers.settled();
  assert.ok(answers.count() >= 2, `${answers.count()} held back`);
  assert.equal(await list.getAttribute("data-request"), rules);
  const want = cli("events", "--rules", rules);
  assert.deepEqual(await list.locator("article.event h2").allTextContents(),
    want.events.map((e) => `${e.name} (${e.id})`));
});
