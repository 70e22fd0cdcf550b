// The app without a network, in headless Chromium with the network switched off
// (context.setOffline): the app shell, the plan and the cards last viewed open from the service
// worker's store; drills logged offline wait in IndexedDB and reach the database exactly once
// when the network returns, even when the answer to a resend is lost on the way back.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;
let server;

const cli = web.cli;

test("offline: the shell, the last plan and cards open; drills wait and are logged once", async () => {
  ({ page, server } = await web.open("#/practice", IMPORT_EXAMPLE_TEAM));
  const context = page.context();
  // Installable: a manifest and a service worker that takes control of the page.
  assert.equal(await page.locator("link[rel=manifest]").getAttribute("href"), "/manifest.webmanifest");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // Online: view a plan and the cards of an order, and the Practice page.
  const order = cli("lineup", "--event", "4x100", "--sex", "F").order;
  const q = new URLSearchParams({ event: "4x100", order: order.join(",") });
  await page.goto(`${server.url}#/handoffs?${q}`);
  await page.locator("article.exchange").nth(2).waitFor();
  await page.goto(`${server.url}#/cards?${q}`);
  await page.frameLocator("iframe.printout-frame").locator("section.card").nth(3).waitFor();
  await page.goto(`${server.url}#/practice`);
  const report = page.locator("section[aria-label='Pair report'] .card");
  await report.waitFor();

  await context.setOffline(true);
  let waiting = [];
  try {
    // The app shell and the page's data come from the store.
    await page.reload();
    await report.waitFor();
    const pair = await report.locator("h2").textContent();
    for (const at of ["17", "21.5"]) {
      await page.getByLabel("Baton changed hands at, m into the zone").fill(at);
      await page.getByRole("button", { name: "Log drill" }).click();
      await page.locator(".outbox").filter({ hasText: at === "17" ? "1 drill logged" : "2 drills logged" }).waitFor();
    }
    assert.equal(cli("practice", "list").drills.length, 0, "nothing reached the server yet");
    waiting = await page.evaluate(() => new Promise((resolve, reject) => {
      const req = indexedDB.open("baton");
      req.onsuccess = () => {
        const get = req.result.transaction("outbox").objectStore("outbox").getAll();
        get.onsuccess = () => resolve(get.result.map((d) => d.body));
        get.onerror = () => reject(get.error);
      };
      req.onerror = () => reject(req.error);
    }));
    assert.equal(waiting.length, 2);
    assert.notEqual(waiting[0].key, waiting[1].key);
    assert.match(pair, new RegExp(`^${waiting[0].from} → ${waiting[0].to}$`));

    // The plan and the cards viewed online open offline.
    await page.goto(`${server.url}#/handoffs?${q}`);
    await page.locator("article.exchange").nth(2).waitFor();
    assert.equal(await page.locator("article.exchange h2").first().textContent(),
      `Exchange 1: ${order[0]} → ${order[1]}`);
    await page.goto(`${server.url}#/cards?${q}`);
    await page.frameLocator("iframe.printout-frame").locator("section.card").nth(3).waitFor();
    // What was never viewed says so instead of failing silently.
    await page.goto(`${server.url}#/handoffs?${new URLSearchParams({ event: "4x100", order: [...order].reverse().join(",") })}`);
    await page.locator("form .error").filter({ hasText: "no network" }).waitFor();
    await page.goto(`${server.url}#/practice`);
    await page.locator(".outbox").filter({ hasText: "2 drills logged" }).waitFor();
  } catch (err) {
    await context.setOffline(false).catch(() => {});
    throw err;
  }

  // Back online. The first drill's answer is lost on the way back (the server logged it, the
  // page saw a failure), so it is sent again: the key makes the server answer the first result.
  let lost = 0;
  const loseFirstAnswer = async (route) => {
    if (route.request().method() === "POST" && lost === 0) {
      lost += 1;
      await route.fetch();
      await route.abort("connectionreset");
      return;
    }
    await route.continue();
  };
  await context.route("**/api/practice", loseFirstAnswer);
  try {
    await context.setOffline(false);
    await page.waitForFunction(() => navigator.onLine);
    await page.locator(".outbox").waitFor({ state: "hidden", timeout: 20000 });
  } finally {
    await context.unroute("**/api/practice", loseFirstAnswer);
  }
  assert.equal(lost, 1);
  const drills = cli("practice", "list").drills;
  assert.deepEqual(drills.map((d) => d.exchange_at_m).sort((a, b) => a - b), [17, 21.5]);
  assert.deepEqual(drills.map((d) => d.key).sort(), waiting.map((d) => d.key).sort());
  await page.locator("ul.drills li").nth(1).waitFor();
  assert.equal(await page.locator("ul.drills li").count(), 2);
});
