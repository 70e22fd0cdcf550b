// Relay cards on paper, printed to PDF by headless Chromium (page.pdf) on US Letter and A4:
// two whole cards per page, none cut (every leg keeps its "Taking the baton", "Handing on" and
// target splits, every box inside its half of the page), and one runner's card on its own link.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { browserSuite, IMPORT_EXAMPLE_TEAM } = require("./harness.js");

const web = browserSuite();
let page;
let server;

const cli = web.cli;
const MM = 96 / 25.4;  // CSS px per millimetre
// The paper and, inside the cards' 10 mm margins (their @page rule), the printable area in px.
const PAPER = {
  Letter: { width: 215.9, height: 279.4 },
  A4: { width: 210, height: 297 },
};
const printable = (p) => ({ width: Math.floor((p.width - 20) * MM), height: Math.floor((p.height - 20) * MM) });

/** Pages in a PDF: its page objects ("/Type /Page", not "/Pages"). */
function pdfPages(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) || []).length;
}

/** Where each card and its parts are when laid out for print at `width` px. */
async function cardBoxes(p, width, height) {
  await p.setViewportSize({ width, height });
  await p.emulateMedia({ media: "print" });
  return p.locator("section.card").evaluateAll((cards) => cards.map((c) => {
    const box = c.getBoundingClientRect();
    const s = getComputedStyle(c);
    return {
      top: box.top + window.scrollY, bottom: box.bottom + window.scrollY, left: box.left, right: box.right,
      overflow: s.overflowY, clipped: c.scrollHeight > c.clientHeight + 1,
      parts: [...c.querySelectorAll("h2, h3, dl, table, p")].map((el) => {
        const b = el.getBoundingClientRect();
        return { text: el.tagName === "H3" ? el.textContent : el.tagName, top: b.top + window.scrollY,
          bottom: b.bottom + window.scrollY, left: b.left, right: b.right, shown: b.height > 0 };
      }),
    };
  }));
}

for (const event of ["4x100", "4x400"]) {
  test(`${event} cards print whole, two per page, on US Letter and A4`, async () => {
    ({ page, server } = await web.open("#/roster", IMPORT_EXAMPLE_TEAM));
    const order = cli("lineup", "--event", event, "--sex", "F").order;
    const q = new URLSearchParams({ event, order: order.join(",") });
    await page.goto(`${server.url}print/cards?${q}`);
    await page.locator("section.card").nth(3).waitFor();
    for (const [format, paper] of Object.entries(PAPER)) {
      const pdf = await page.pdf({ format, printBackground: true });
      assert.equal(pdfPages(pdf), 2, `${format}: 4 cards on 2 pages`);
      if (process.env.BATON_PRINT_DIR) {
        fs.writeFileSync(path.join(process.env.BATON_PRINT_DIR, `cards-${event}-${format}.pdf`), pdf);
      }
      const area = printable(paper);
      const cards = await cardBoxes(page, area.width, area.height);
      assert.equal(cards.length, 4);
      for (let i = 0; i < 4; i += 1) {
        const c = cards[i];
        const where = `${format}, leg ${i + 1}`;
        assert.notEqual(c.overflow, "hidden", `${where}: no hidden overflow`);
        assert.ok(!c.clipped, `${where}: content taller than the card`);
        assert.ok(c.right <= area.width + 0.5, `${where}: ${c.right} px wide, the page ${area.width}`);
        const want = ["Targets"];
        if (i > 0) want.push(`Taking the baton from ${order[i - 1]}`);
        if (i < 3) want.push(`Handing on to ${order[i + 1]}`);
        for (const h of want) {
          const part = c.parts.find((p) => p.text.startsWith(h));
          assert.ok(part && part.shown, `${where}: "${h}" printed`);
        }
        for (const part of c.parts) {
          assert.ok(part.top >= c.top - 0.5 && part.bottom <= c.bottom + 0.5 &&
            part.right <= c.right + 0.5, `${where}: ${part.text} inside the card`);
        }
        assert.ok(c.parts.some((p) => p.text === "TABLE"), `${where}: target splits printed`);
      }
      // Two cards share a page: both fit in the printable height, from the first's top.
      for (const k of [0, 2]) {
        const used = cards[k + 1].bottom - cards[k].top;
        assert.ok(used <= area.height, `${format}: cards ${k + 1} and ${k + 2} take ${used.toFixed(0)} of ${area.height} px`);
      }
      await page.emulateMedia({ media: null });
    }
  });
}

test("one runner's card opens alone from its link and prints on one page", async () => {
  ({ page, server } = await web.open("#/roster", IMPORT_EXAMPLE_TEAM));
  const order = cli("lineup", "--event", "4x400", "--sex", "F").order;
  // The Cards page lists the links.
  await page.goto(`${server.url}#/cards?${new URLSearchParams({ event: "4x400", order: order.join(",") })}`);
  await page.frameLocator("iframe.printout-frame").locator("section.card").nth(3).waitFor();
  await page.getByText("A link to each runner's card").click();
  const link = page.getByRole("link", { name: `Leg 3: ${order[2]}` });
  const href = await link.getAttribute("href");
  assert.equal(new URL(href).searchParams.get("leg"), "3");
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(href);
  assert.equal(await page.locator("section.card").count(), 1);
  assert.equal(await page.locator("section.card h2").textContent(), order[2]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the card is ${overflow} px wider than a 375 px phone`);
  assert.equal(pdfPages(await page.pdf({ format: "A4" })), 1);
});
