// Logging in on a phone-sized screen against `baton serve --auth`: the login dialog on a 401,
// a wrong password, the roster after logging in, a write carrying the CSRF token, the session
// kept across a reload, and logging out.
const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { requireTools, launchBrowser, EXAMPLE_TEAM } = require("./harness.js");

let tools;
let browser;
before(async () => {
  tools = requireTools();
  browser = await launchBrowser(tools.playwright);
});
after(async () => { if (browser) await browser.close(); });

/** A database with the example team and a coach, served with --auth; resolves to {url, stop}. */
function startAuthServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-login-"));
  const db = path.join(dir, "team.db");
  execFileSync(tools.binary, ["--db", db, "roster", "import", EXAMPLE_TEAM]);
  execFileSync(tools.binary, ["--db", db, "users", "add", "Kay", "--role", "coach", "--password-stdin"],
    { input: "coach password\n" });
  const child = spawn(tools.binary, ["--db", db, "serve", "--port", "0", "--auth"],
    { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("baton serve --auth did not start")), 10000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: m[0], db, stop: () => new Promise((done) => {
        child.on("exit", (code) => { fs.rmSync(dir, { recursive: true, force: true }); done(code); });
        child.kill("SIGTERM");
      }) });
    });
  });
}

test("a coach logs in on a phone, writes, stays logged in and logs out", async () => {
  const server = await startAuthServer();
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 375, height: 740 });
  try {
    await page.goto(server.url);
    const dialog = page.getByRole("dialog", { name: "Log in to Baton" });
    await dialog.waitFor();
    // The dialog fits the phone's width.
    const box = await dialog.boundingBox();
    assert.ok(box.width <= 375 - 16, `dialog is ${box.width} px wide`);
    // The documentation's picture of the login (docs/WEB.md):
    //   BATON_SHOTS_DIR=docs/img BATON_BINARY=build/release/baton node --test tests/web/login.test.js
    if (process.env.BATON_SHOTS_DIR) {
      await dialog.getByLabel("Name").fill("Kay");
      await page.screenshot({ path: path.join(process.env.BATON_SHOTS_DIR, "login-phone.png") });
      await dialog.getByLabel("Name").fill("");
    }

    await dialog.getByLabel("Name").fill("Kay");
    await dialog.getByLabel("Password").fill("not it");
    await dialog.getByRole("button", { name: "Log in" }).click();
    await dialog.getByRole("alert").getByText("Wrong name or password.").waitFor();
    assert.equal(await dialog.getByLabel("Password").inputValue(), "");

    await dialog.getByLabel("Password").fill("coach password");
    await dialog.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Athletes (24)" }).waitFor();
    assert.equal(await dialog.count(), 0);
    await page.getByText("Kay (coach)").waitFor();

    // A write goes through: the page sends the session's CSRF token.
    await page.getByRole("button", { name: "Add athlete" }).click();
    const form = page.locator("form.athlete-form");
    await form.getByLabel("Name").fill("Kim Lee");
    await form.getByLabel("Sex").selectOption("F");
    await form.getByRole("button", { name: "Add athlete" }).click();
    await page.getByRole("heading", { name: "Athletes (25)" }).waitFor();

    // A reload keeps the session (the cookie), and the token comes back for the next write.
    await page.reload();
    await page.getByRole("heading", { name: "Athletes (25)" }).waitFor();
    assert.equal(await page.getByRole("dialog").count(), 0);

    // The API refuses a client without the cookie.
    assert.equal((await fetch(`${server.url}api/athletes`)).status, 401);

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("dialog", { name: "Log in to Baton" }).waitFor();
    const status = await page.evaluate(async () => (await fetch("/api/athletes")).status);
    assert.equal(status, 401);

    // The audit log names the coach's write.
    const audit = JSON.parse(execFileSync(tools.binary, ["--db", server.db, "--json", "users", "audit"],
      { encoding: "utf8" })).audit;
    assert.ok(audit.some((e) => e.user === "Kay" && e.action === "POST /api/athletes" && e.status === 201));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    assert.equal(await server.stop(), 0, "baton serve exits 0 on SIGTERM");
  }
});
