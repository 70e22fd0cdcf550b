const { launchBrowser, startServer, runBaton, IMPORT_EXAMPLE_TEAM } = require("./harness.js");
(async () => {
  const bin = process.env.BATON_BINARY;
  const server = await startServer(bin, IMPORT_EXAMPLE_TEAM);
  const order = JSON.parse(runBaton(bin, server.db, ["--json", "lineup", "--event", "4x400", "--sex", "F"])).order;
  const b = await launchBrowser(require("/work/main/tests/web/node_modules/playwright-core"));
  const page = await b.context.newPage();
  const q = new URLSearchParams({ event: "4x400", order: order.join(",") });
  await page.goto(`${server.url}print/cards?${q}`);
  for (const format of ["A4", "Letter", "A4"]) {
    const pdf = await page.pdf({ format, printBackground: true });
    console.log(format, (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) || []).length);
  }
  for (const [w, h, name] of [[718, 1047, "A4"], [740, 980, "Letter"]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.emulateMedia({ media: "print" });
    const hs = await page.locator("section.card").evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().height)));
    console.log(name, hs);
    await page.screenshot({ path: `/tmp/baton-print/print-${name}.png`, fullPage: true });
  }
  await b.close();
  await server.stop();
})();
