// The Roster page in headless Chromium against a real `baton serve`: what a coach sees and does.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { browserSuite, IMPORT_EXAMPLE_TEAM, JV_ROSTER } = require("./harness.js");

const MEETPRO_RESULTS = path.resolve(__dirname, "../data/import/meetpro/results.csv");

// Fails every test when Chromium or playwright-core is missing.
const web = browserSuite();
let server;
let page;

async function open(setup = []) {
  ({ page, server } = await web.open("", setup));
  await page.getByRole("heading", { name: /Athletes \(\d+\)/ }).waitFor();
}

const row = (name) => page.locator("table.roster tbody tr", { has: page.getByRole("rowheader", { name }) });
const athleteForm = () => page.locator("form.athlete-form");

test("a new athlete with a mark appears in the list", async () => {
  await open();
  await page.getByText("No athletes yet").waitFor();
  await page.getByRole("button", { name: "Add athlete" }).click();
  const form = athleteForm();
  await form.getByLabel("Name").fill("Kim Lee");
  await form.getByLabel("Sex").selectOption("F");
  await form.getByRole("button", { name: "Add a mark" }).click();
  await form.getByLabel("Distance").selectOption("200m");
  await form.getByLabel("Time").fill("26.4h");
  await form.getByLabel("Foot length (m)").fill("0.25");
  await form.getByRole("button", { name: "Add athlete" }).click();

  await page.getByRole("heading", { name: "Athletes (1)" }).waitFor();
  const kim = row("Kim Lee");
  assert.equal(await kim.locator('td[data-label="Sex"]').textContent(), "F");
  assert.equal(await kim.locator('td[data-label="200 m"] .mark').textContent(), "26.4h");
  // The FAT equivalent is on the page, not in a hover-only tooltip (a phone cannot hover).
  const fat = kim.locator('td[data-label="200 m"] .fat');
  assert.equal(await fat.textContent(), "FAT 26.64 s");
  assert.ok(await fat.isVisible());
  assert.equal(await kim.locator('td[data-label="200 m"] [title]').count(), 0);
  assert.equal(await kim.locator('td[data-label="Foot"]').textContent(), "0.25 m");
  // The server stored it: the API agrees with the page.
  const doc = await (await fetch(`${server.url}api/athletes`)).json();
  assert.equal(doc.athletes[0].marks["200m"], "26.4h");
});

test("an impossible mark is refused and the field is pointed out", async () => {
  await open();
  await page.getByRole("button", { name: "Add athlete" }).click();
  const form = athleteForm();
  await form.getByLabel("Name").fill("Too Fast");
  await form.getByRole("button", { name: "Add a mark" }).click();
  await form.getByLabel("Distance").selectOption("100m");
  await form.getByLabel("Time").fill("8.10");
  await form.getByRole("button", { name: "Add athlete" }).click();
  const alert = form.getByRole("alert");
  await alert.getByText("marks.100m").waitFor();
  assert.equal(await form.getByLabel("Time").getAttribute("aria-invalid"), "true");
  assert.equal(await page.getByText("No athletes yet").count(), 1);
});

test("editing a mark changes what the list shows", async () => {
  await open(IMPORT_EXAMPLE_TEAM);
  await page.getByRole("heading", { name: "Athletes (24)" }).waitFor();
  assert.equal(await row("Ava Brooks").locator('td[data-label="100 m"]').textContent(), "12.31");
  await page.getByRole("button", { name: "Edit Ava Brooks" }).click();
  const form = athleteForm();
  await form.getByRole("heading", { name: "Edit Ava Brooks" }).waitFor();
  const time100 = form.locator(".pair", { has: page.locator("option:checked", { hasText: "100 m" }) })
    .getByLabel("Time");
  assert.equal(await time100.inputValue(), "12.31");
  await time100.fill("12.15");
  await form.getByRole("button", { name: "Save changes" }).click();
  await page.locator("form.athlete-form").waitFor({ state: "detached" });
  assert.equal(await row("Ava Brooks").locator('td[data-label="100 m"]').textContent(), "12.15");
  assert.equal(await row("Ava Brooks").locator('td[data-label="200 m"] .mark').textContent(), "25.4h");
  assert.equal(await row("Ava Brooks").locator('td[data-label="Hand"]').textContent(), "right");
});

test("individual events are edited in the form, listed, and a repeated one names its input", async () => {
  await open(IMPORT_EXAMPLE_TEAM);
  await page.getByRole("button", { name: "Edit Ava Brooks" }).click();
  const form = athleteForm();
  const entries = form.getByLabel("Individual events at the next meet");
  assert.equal(await entries.inputValue(), "");
  await entries.fill("100m, LJ, lj");
  await form.getByRole("button", { name: "Save changes" }).click();
  await form.locator(".error").filter({ hasText: "entered twice" }).waitFor();
  assert.equal(await entries.getAttribute("aria-invalid"), "true");
  await entries.fill("100m, LJ");
  await form.getByRole("button", { name: "Save changes" }).click();
  await page.locator("form.athlete-form").waitFor({ state: "detached" });
  assert.equal(await row("Ava Brooks").locator('td[data-label="Events"]').textContent(), "100m, LJ");
  const ava = web.cli("roster", "list").athletes.find((a) => a.name === "Ava Brooks");
  assert.deepEqual(ava.entries, ["100m", "LJ"]);
});

test("removing an athlete asks first", async () => {
  await open(IMPORT_EXAMPLE_TEAM);
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("button", { name: "Remove Ava Brooks" }).click();
  await page.getByRole("heading", { name: "Athletes (24)" }).waitFor();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Remove Ava Brooks" }).click();
  await page.getByRole("heading", { name: "Athletes (23)" }).waitFor();
  assert.equal(await row("Ava Brooks").count(), 0);
});

test("a bad pasted file imports nothing and says which line is wrong", async () => {
  await open();
  await page.getByLabel("…or paste it here").fill(
    'name = "Test"\nrules = "nfhs"\n[[athlete]]\nname = "A B"\nsex = "Q"\n');
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.locator("section.import").getByRole("alert");
  await alert.getByText("Nothing was imported").waitFor();
  assert.match(await alert.textContent(), /line 5, sex: sex must be F or M/);
  assert.equal(await page.getByText("No athletes yet").count(), 1);
});

test("an uploaded CSV roster is imported and listed", async () => {
  await open(IMPORT_EXAMPLE_TEAM);
  await page.getByLabel("Team file", { exact: true }).setInputFiles(JV_ROSTER);
  // The file is read asynchronously: wait until its text is in the box before importing.
  await page.waitForFunction(() => document.querySelector("textarea[name=text]").value.includes("Mia Clarke"));
  assert.equal(await page.getByLabel("Format").inputValue(), "csv");
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByText("Imported 8 athletes into Riverside HS: 8 new, 0 updated.").first().waitFor();
  await page.getByRole("heading", { name: "Athletes (32)" }).waitFor();
  assert.equal(await row("Mia Clarke").locator('td[data-label="200 m"] .mark').textContent(), "28.2h");
});

test("a meet program's results file with several teams imports the team named", async () => {
  await open();
  await page.getByLabel("Team file", { exact: true }).setInputFiles(MEETPRO_RESULTS);
  await page.waitForFunction(() => document.querySelector("textarea[name=text]").value.includes("MeetPro"));
  assert.equal(await page.getByLabel("Format").inputValue(), "auto");
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.locator("section.import").getByRole("alert");
  await alert.getByText("Nothing was imported").waitFor();
  assert.match(await alert.textContent(), /5 teams.*Holy Trinity CYOKS \(HT21\)/);
  await page.getByLabel(/^Team in another program's file/).fill("HT21");
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByText(/^Imported meetpro for Holy Trinity CYOKS: 4 new, 0 updated, 0 merged; 9 marks, 1 relay result; 2 lines skipped \(and 5 lines of the file's other teams\)\.$/).first().waitFor();
  await page.getByRole("heading", { name: "Athletes (4)" }).waitFor();
  assert.equal(await row("Owen Castillo").locator('td[data-label="100 m"] .mark').textContent(), "12.98");
});

test("a spreadsheet saved as Unicode text (UTF-16) imports with its accents", async () => {
  await open();
  const sheet = "Name\tSex\t100 Meters\r\nZo\u00eb Carter\tF\t12.45\r\n";
  const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet, "utf16le")]);
  await page.getByLabel("Team file", { exact: true }).setInputFiles({ name: "team.txt", mimeType: "text/plain", buffer });
  await page.waitForFunction(() => document.querySelector("textarea[name=text]").value.includes("Carter"));
  assert.equal(await page.getByLabel("Format").inputValue(), "auto");
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("heading", { name: "Athletes (1)" }).waitFor();
  assert.equal(await row("Zo\u00eb Carter").count(), 1);
});

test("the events page lists zones in metres for the chosen rules", async () => {
  await open();
  await page.getByRole("link", { name: "Events" }).click();
  await page.getByRole("heading", { name: /4x100 m relay/ }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Events" }).getAttribute("aria-current"), "page");
  await page.getByLabel("Rule set").selectOption("wa");
  const card = page.locator("article", { has: page.getByRole("heading", { name: /^4x400 m relay/ }) });
  await card.getByText("20 m zone").first().waitFor();
  assert.match(await card.textContent(), /400 m – 400 m – 400 m – 400 m \(1600 m in all\)/);
});

test("on a 375 px phone nothing scrolls sideways and buttons are finger-sized", async () => {
  await open(IMPORT_EXAMPLE_TEAM);
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow} px wider than the screen`);
  const box = await page.getByRole("button", { name: "Edit Ava Brooks" }).boundingBox();
  assert.ok(box.height >= 44, `Edit button is ${box.height} px tall`);
});

test("the keyboard alone can open the form", async () => {
  await open();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to content");
  await page.getByRole("button", { name: "Add athlete" }).focus();
  await page.keyboard.press("Enter");
  await athleteForm().waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent.trim()), "Name");
});

test("the team's level is shown, set in the team form, and kept when the name is changed", async () => {
  await open([["roster", "import", JV_ROSTER]]);
  const line = page.locator("p.team-line");
  assert.match(await line.textContent(), /· high-school level \(from the marks\)/);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("button", { name: "Change" }).click();
  const level = page.getByLabel("Level");
  assert.equal(await level.inputValue(), "auto");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the team form is ${overflow} px wider than a 375 px screen`);
  assert.equal(await level.locator("option:checked").textContent(), "From the marks (now high-school)");
  await level.selectOption("youth");
  await page.getByRole("button", { name: "Save team" }).click();
  await page.locator("p.team-line", { hasText: "youth level" }).waitFor();

  // Saving a new name sends the level shown, so it stays.
  await page.getByRole("button", { name: "Change" }).click();
  assert.equal(await page.getByLabel("Level").inputValue(), "youth");
  await page.getByLabel("Team name").fill("Riverside JV");
  await page.getByRole("button", { name: "Save team" }).click();
  await page.locator("p.team-line", { hasText: "Riverside JV" }).waitFor();
  assert.match(await page.locator("p.team-line").textContent(), /· youth level /);
  assert.equal(await page.evaluate(async () => (await (await fetch("/api/athletes")).json()).level),
    "youth");
});
