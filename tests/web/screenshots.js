// Makes the README's pictures of the Roster page (desktop and a 375 px phone) into docs/img/.
// Run: BATON_BINARY=build/release/baton node tests/web/screenshots.js
const path = require("node:path");
const { requireTools, startServer, launchBrowser } = require("./harness.js");

(async () => {
  const tools = requireTools();
  const root = path.resolve(__dirname, "../..");
  const server = await startServer(tools.binary,
    [["roster", "import", path.join(root, "examples/riverside.toml")]]);
  const browser = await launchBrowser(tools.playwright);
  try {
    for (const [name, width, height] of [["roster-desktop", 1200, 760], ["roster-phone", 375, 740]]) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(server.url);
      await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor();
      await page.screenshot({ path: path.join(root, "docs/img", `${name}.png`) });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
