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
    await page.locator("article.exchange svg:visible").first().waitFor();
    await toTop(page, "article.exchange");
  }],
  ["handoffs-phone", PHONE, "#/lineup", async (page) => {
    await page.getByLabel("Relay").selectOption("4x100");
    await page.getByLabel("Runners").selectOption("F");
    await page.getByRole("button", { name: "Find the best order" }).click();
    await page.getByRole("link", { name: "Plan the hand-offs", exact: true }).click();
    await page.locator("article.exchange svg:visible").first().waitFor();
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
  // A field saved by an earlier shot would come back (the page remembers it): start empty.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Squad").selectOption("F");
  for (const [n, name, seed] of [[1, "Central", "48.90"], [2, "Lakeside", "49.60"], [3, "Westfield", "50.40"]]) {
    await page.getByRole("button", { name: "Add an opponent" }).click();
    await page.getByLabel(`Opponent ${n}`, { exact: true }).fill(name);
    await page.getByLabel(`Seed time ${n}`, { exact: true }).fill(seed);
  }
  await page.getByRole("button", { name: "Run the races" }).click();
}

// With BATON_SHOT_ALL=1, every page after its main action at 375 and 1280 px as well, for a
// look before a release (BATON_SHOT_DIR puts the pictures elsewhere than docs/img).
if (process.env.BATON_SHOT_ALL) {
  const acts = {
    roster: async (page) => { await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor(); },
    events: async (page) => { await page.locator("article.event").first().waitFor(); },
    lineup: async (page) => {
      await page.getByLabel("Relay").selectOption("4x100");
      await page.getByLabel("Runners").selectOption("F");
      await page.getByRole("button", { name: "Find the best order" }).click();
      await page.locator(".order-time").filter({ hasText: "This order: " }).waitFor();
    },
    meet: async (page) => {
      await page.getByLabel("4x100 m relay, F (girls/women)", { exact: true }).check();
      await page.getByLabel("4x400 m relay, F (girls/women)", { exact: true }).check();
      await page.getByRole("button", { name: "Optimise the meet" }).click();
      await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
    },
    "meet-points": async (page) => {
      await page.getByLabel("4x100 m relay, F (girls/women)", { exact: true }).check();
      await page.getByLabel("4x400 m relay, F (girls/women)", { exact: true }).check();
      await page.getByText("Score by expected points (a meet file)").click();
      await page.getByLabel("Meet file (.toml)").setInputFiles(path.resolve(__dirname, "../../examples/meet-county-relays.toml"));
      await page.getByRole("button", { name: "Optimise the meet" }).click();
      await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 60000 });
    },
    handoffs: async (page) => {
      await SHOTS.find((s) => s[0] === "handoffs-phone")[3](page);
    },
    cards: async (page) => {
      await page.getByLabel("Relay").selectOption("4x400");
      await page.getByLabel("Squad").selectOption("F");
      await page.getByRole("button", { name: "Show" }).click();
      await page.frameLocator("iframe.printout-frame").locator("section.card").nth(3).waitFor();
    },
    odds: async (page) => { await fillOdds(page); await page.locator("table.odds-table").waitFor(); },
    practice: async (page) => {
      await page.getByLabel("Outgoing (takes it)").selectOption({ index: 2 });
      await page.locator("section[aria-label='Pair report'] .card").waitFor();
    },
  };
  const hashes = { meet: "#/lineup?mode=meet", "meet-points": "#/lineup?mode=meet", handoffs: "#/lineup" };
  for (const [name, act] of Object.entries(acts)) {
    for (const width of [375, 1280]) {
      SHOTS.push([`all-${name}-${width}`, [width, 900], hashes[name] || `#/${name}`, act, true]);
    }
  }
}

(async () => {
  const tools = requireTools();
  const root = path.resolve(__dirname, "../..");
  const only = process.argv.slice(2);
  const server = await startServer(tools.binary, IMPORT_EXAMPLE_TEAM);
  const browser = await launchBrowser(tools.playwright);
  try {
    for (const [name, [width, height], hash, ready, fullPage] of SHOTS) {
      if (only.length && !only.includes(name)) continue;
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`${server.url}${hash}`);
      await ready(page);
      // The status toast would cover the page: take it away; let the frame's layout settle.
      await page.evaluate(() => document.getElementById("status").classList.remove("shown"));
      await page.waitForTimeout(300);
      const file = path.join(process.env.BATON_SHOT_DIR || path.join(root, "docs/img"), `${name}.png`);
      await page.screenshot({ path: file, fullPage: Boolean(fullPage) });
      console.log(file);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
