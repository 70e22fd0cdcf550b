// Makes the documentation's pictures into docs/img/: the Roster page (desktop and a 375 px
// phone) and the Lineup, Hand-off, Cards & report and Race odds pages with the example team.
// Run: BATON_BINARY=build/release/baton node tests/web/screenshots.js [name...]
const path = require("node:path");
const { requireTools, startServer, launchBrowser, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const DESKTOP = [1000, 760];
const PHONE = [375, 740];

// Each shot: [name, [width, height], hash, steps(page) that leave the page ready, fullPage].
const SHOTS = [
  ["roster-desktop", [1200, 760], "#/roster", async (page) => {
    await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor();
  }],
  ["roster-phone", PHONE, "#/roster", async (page) => {
    await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor();
  }],
  ["lineup-desktop", DESKTOP, "#/lineup", async (page) => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Runners").selectOption("F");
    await page.getByRole("button", { name: "Find the best order" }).click();
    await page.locator("ol.alternatives li").first().waitFor();
  }],
  ["handoffs-desktop", DESKTOP, "#/lineup", async (page) => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Runners").selectOption("F");
    await page.getByRole("button", { name: "Find the best order" }).click();
    await page.getByRole("link", { name: "Plan the hand-offs", exact: true }).click();
    await page.locator("article.exchange svg").first().waitFor();
    await toTop(page, "article.exchange");
  }],
  ["handoffs-phone", PHONE, "#/lineup", async (page) => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Runners").selectOption("F");
    await page.getByRole("button", { name: "Find the best order" }).click();
    await page.getByRole("link", { name: "Plan the hand-offs", exact: true }).click();
    await page.locator("article.exchange svg").first().waitFor();
    await toTop(page, "article.exchange");
  }],
  ["cards-desktop", DESKTOP, "#/cards", async (page) => {
    await page.getByLabel("Squad").selectOption("F");
    await page.getByRole("button", { name: "Show" }).click();
    await page.frameLocator("iframe.printout-frame").locator("section.card").nth(1).waitFor();
    await toTop(page, ".printout h2");
  }],
  ["odds-desktop", DESKTOP, "#/odds", async (page) => {
    await fillOdds(page);
    await page.locator("figure.histogram:visible svg").waitFor();
    await toTop(page, ".odds h2");
  }],
  ["odds-phone", PHONE, "#/odds", async (page) => {
    await fillOdds(page);
    await page.locator("figure.histogram:visible svg").waitFor();
    await toTop(page, ".odds h2");
  }],
];

// Scrolls the first element matching `selector` to the top of the window.
async function toTop(page, selector) {
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: "start" }));
}

async function fillOdds(page) {
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("F");
  for (const [n, name, seed] of [[1, "Central", "48.90"], [2, "Lakeside", "49.60"], [3, "Westfield", "50.40"]]) {
    await page.getByRole("button", { name: "Add an opponent" }).click();
    await page.getByLabel(`Opponent ${n}`, { exact: true }).fill(name);
    await page.getByLabel(`Seed time ${n}`, { exact: true }).fill(seed);
  }
  await page.getByRole("button", { name: "Run the races" }).click();
}

(async () => {
  const tools = requireTools();
  const root = path.resolve(__dirname, "../..");
  const only = process.argv.slice(2);
  const server = await startServer(tools.binary, IMPORT_EXAMPLE_TEAM);
  const browser = await launchBrowser(tools.playwright);
  try {
    for (const [name, [width, height], hash, ready] of SHOTS) {
      if (only.length && !only.includes(name)) continue;
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}${hash}`);
      await ready(page);
      // The status toast would cover the page: take it away; let the frame's layout settle.
      await page.evaluate(() => document.getElementById("status").classList.remove("shown"));
      await page.waitForTimeout(300);
      const file = path.join(root, "docs/img", `${name}.png`);
      await page.screenshot({ path: file });
      console.log(file);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
