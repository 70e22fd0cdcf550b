// Starts `baton serve` on a free localhost port with a fresh database, and Debian's Chromium
// through playwright-core (never a downloaded browser). Missing tools fail loudly.
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const CHROMIUM = process.env.BATON_CHROMIUM || "/usr/bin/chromium";

function requireTools() {
  const binary = process.env.BATON_BINARY;
  if (!binary || !fs.existsSync(binary)) {
    throw new Error(`BATON_BINARY must name the built baton binary (got '${binary || ""}')`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/install-deps.sh --browser`);
  }
  let playwright;
  try {
    playwright = require("playwright-core");
  } catch {
    throw new Error("playwright-core is missing: run scripts/install-deps.sh --browser " +
      "(or npm install in tests/web)");
  }
  return { binary, playwright };
}

/** Runs `baton --db <fresh db> args...` to completion; returns stdout. */
function runBaton(binary, db, args) {
  const { execFileSync } = require("node:child_process");
  return execFileSync(binary, ["--db", db, ...args], { encoding: "utf8" });
}

/** Starts the server; resolves to {url, db, dir, stop()} once it prints its URL. */
function startServer(binary, setup = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-web-"));
  const db = path.join(dir, "team.db");
  for (const args of setup) runBaton(binary, db, args);
  const child = spawn(binary, ["--db", db, "serve", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`baton serve did not start: ${stderr}`)), 10000);
    child.on("exit", (code) => reject(new Error(`baton serve exited with ${code}: ${stderr}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[0], db, dir,
        stop: () => new Promise((done) => {
          child.removeAllListeners("exit");
          child.on("exit", (code, signal) => {
            fs.rmSync(dir, { recursive: true, force: true });
            done({ code, signal });
          });
          child.kill("SIGTERM");
        }),
      });
    });
  });
}

async function launchBrowser(playwright) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "baton-chromium-"));
  // A persistent context is how Playwright takes a --user-data-dir: a fresh one each run.
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-proxy-server"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What every browser test file needs, registered as node:test hooks: one Chromium for the file;
 * per test a fresh server (its database prepared by `setup`, a list of CLI argument lists) and a
 * page; after each test the page and server closed (the server must exit 0 on SIGTERM) and a
 * check that the page had no script error or CSP violation (a "Failed to load resource" console
 * line is an answered 4xx, which pages handle). Returns
 *   open(hash, setup) -> {page, server}   the app at `hash` on a fresh server
 *   cli(...args)                          `baton --json args` on that server's database
 */
function browserSuite() {
  const { before, after, beforeEach, afterEach } = require("node:test");
  const assert = require("node:assert/strict");
  const state = { tools: null, browser: null, server: null, page: null, errors: [] };
  before(async () => {
    state.tools = requireTools();
    state.browser = await launchBrowser(state.tools.playwright);
  });
  after(async () => { if (state.browser) await state.browser.close(); });
  beforeEach(() => { state.errors.length = 0; });
  afterEach(async () => {
    if (state.page) await state.page.close();
    state.page = null;
    if (state.server) {
      const { code } = await state.server.stop();
      assert.equal(code, 0, "baton serve exits 0 on SIGTERM");
    }
    state.server = null;
    assert.deepEqual(state.errors, [], "no script errors or CSP violations");
  });
  return {
    async open(hash, setup = []) {
      state.server = await startServer(state.tools.binary, setup);
      const page = await state.browser.context.newPage();
      state.page = page;
      page.on("pageerror", (e) => state.errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) state.errors.push(m.text());
      });
      await page.goto(`${state.server.url}${hash}`);
      return { page, server: state.server };
    },
    cli: (...args) => JSON.parse(runBaton(state.tools.binary, state.server.db, ["--json", ...args])),
  };
}

/**
 * On the practice page, picks a pair and waits for that pair's report and recommended mark,
 * not the card of the pair the page opened on (already there): a drill logged before the mark
 * arrives would be sent without a go-mark, and the report read would be the other pair's.
 */
async function pickPracticePair(page, from, to) {
  await page.getByLabel("Incoming (brings the baton)").selectOption(from);
  await page.getByLabel("Outgoing (takes it)").selectOption(to);
  await page.locator("section[aria-label='Pair report'] .card h2").filter({ hasText: `${from} → ${to}` }).waitFor();
  await page.getByText(`Recommended for ${from} → ${to}`).waitFor();
}

// The bundled example team and the JV roster, and the set-up that imports the team.
const EXAMPLE_TEAM = path.resolve(__dirname, "../../examples/riverside.toml");
const JV_ROSTER = path.resolve(__dirname, "../../examples/jv-roster.csv");
const IMPORT_EXAMPLE_TEAM = [["roster", "import", EXAMPLE_TEAM]];

module.exports = {
  requireTools, startServer, launchBrowser, runBaton, browserSuite, pickPracticePair,
  EXAMPLE_TEAM, JV_ROSTER, IMPORT_EXAMPLE_TEAM,
};
