// The Lineup page's whole-meet mode and its own-order editor in headless Chromium against a real
// `baton serve`: what the page shows equals what the CLI answers for the same roster.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { browserSuite, EXAMPLE_TEAM, JV_ROSTER } = require("./harness.js");

const web = browserSuite();
let page;

async function open(hash) {
  ({ page } = await web.open(hash, [["roster", "import", EXAMPLE_TEAM], ["roster", "import", JV_ROSTER]]));
}

const cli = web.cli;
const MEET_FILE = require("node:path").resolve(__dirname, "../../examples/meet-county-relays.toml");
// As the page writes times: "48.62 s", a minute or more "3:52.10".
const formatted = (s) => {
  const total = Math.round(s * 100) / 100;
  const minutes = Math.floor(total / 60);
  const rest = (total - minutes * 60).toFixed(2);
  return minutes ? `${minutes}:${rest.padStart(5, "0")}` : `${rest} s`;
};
const diff = (d) => {
  const r = Math.round(d * 100) / 100;
  return r === 0 ? "±0.00 s" : `${r > 0 ? "+" : "−"}${Math.abs(r).toFixed(2)} s`;
};


const RELAYS = [
  ["4x100 m relay, F (girls/women)", "4x100/F"],
  ["4x100 m relay, M (boys/men)", "4x100/M"],
  ["4x400 m relay, F (girls/women)", "4x400/F"],
  ["4x400 m relay, M (boys/men)", "4x400/M"],
];

async function optimiseMeet(limit) {
  await page.getByLabel("Whole meet").check();
  for (const [label] of RELAYS) await page.getByLabel(label, { exact: true }).check();
  await page.getByLabel("Relays per athlete").selectOption(limit);
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
}

test("whole-meet mode shows every relay's runners and time, proven optimal, as the CLI", async () => {
  await open("#/lineup");
  await optimiseMeet("1");
  const want = cli("lineup", "--events", RELAYS.map(([, e]) => e).join(","),
    "--max-relays-per-athlete", "1");
  assert.equal(want.optimal, true);
  assert.equal(await page.getByRole("heading", { name: /^Meet lineups: / }).textContent(),
    "Meet lineups: optimal");
  assert.match(await page.locator(".meet-status").textContent(), /^Proven optimal/);
  const cards = page.locator("article.meet-relay");
  assert.equal(await cards.count(), RELAYS.length);
  const seen = new Set();
  for (let i = 0; i < RELAYS.length; i += 1) {
    const card = cards.nth(i);
    const relay = want.relays[i];
    assert.equal(await card.getAttribute("data-event"), relay.event);
    const names = await card.locator("table.legs tbody th").allTextContents();
    assert.equal(names.length, 4);
    assert.deepEqual(names, relay.order);
    for (const n of names) {
      assert.ok(!seen.has(n), `${n} runs two relays with a limit of one`);
      seen.add(n);
    }
    assert.ok((await card.locator("h3").textContent()).endsWith(`team A: ${formatted(relay.team_time_s)}`));
    const plan = await card.getByRole("link", { name: /^Plan the hand-offs/ }).getAttribute("href");
    const q = new URLSearchParams(plan.split("?")[1]);
    assert.equal(q.get("event"), relay.event.split("/")[0]);
    assert.equal(q.get("order"), relay.order.join(","));
    const cards_ = await card.getByRole("link", { name: /^Cards & report/ }).getAttribute("href");
    assert.ok(cards_.startsWith("#/cards?"), cards_);
  }
  // A relay's link opens the Hand-off page with its order.
  await cards.nth(2).getByRole("link", { name: /^Plan the hand-offs/ }).click();
  await page.locator("article.exchange").nth(2).waitFor();
  assert.deepEqual(await page.locator("table.legs tbody th").allTextContents(), want.relays[2].order);
});

test("a weight on one relay changes the objective line and the lineups, as the CLI", async () => {
  await open("#/lineup");
  await page.getByLabel("Whole meet").check();
  const two = RELAYS.filter(([, e]) => e.endsWith("/F"));
  for (const [label] of two) await page.getByLabel(label, { exact: true }).check();
  await page.getByLabel("Relays per athlete").selectOption("1");
  const objective = page.locator(".meet-objective");
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
  assert.equal(await objective.textContent(), "Objective: the sum of the team times.");

  // Out of range: the page says which weight, keeps the answer it has and sends nothing.
  await page.getByText("How much each relay counts (weights)").click();
  const weight = page.getByLabel("Weight: 4x100 m relay, F (girls/women)");
  await weight.fill("-1");
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  assert.equal(await page.getByRole("alert").textContent(),
    "Weight for the 4x100 m relay, F (girls/women): a number from 0 to 100.");
  assert.equal(await weight.evaluate((el) => el === document.activeElement), true);

  await weight.fill("10");
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.locator(".meet-objective", { hasText: "weighted" }).waitFor({ timeout: 30000 });
  assert.equal(await objective.textContent(),
    "Objective: the weighted sum of the team times (4x100/F ×10; others ×1).");
  const want = cli("lineup", "--events", two.map(([, e]) => e).join(","),
    "--max-relays-per-athlete", "1", "--weights", "4x100/F=10");
  assert.equal(want.objective, "weighted time");
  assert.match(await page.locator(".meet-status").textContent(),
    /^Proven optimal: no other lineups have a lower weighted sum of team times\./);
  const cards = page.locator("article.meet-relay");
  for (let i = 0; i < two.length; i += 1) {
    assert.deepEqual(await cards.nth(i).locator("table.legs tbody th").allTextContents(), want.relays[i].order);
  }
});

test("a meet file scores the lineups by expected points, as the CLI; weights do not mix with it", async () => {
  await open("#/lineup");
  await page.getByLabel("Whole meet").check();
  const two = RELAYS.filter(([, e]) => e.endsWith("/F"));
  for (const [label] of two) await page.getByLabel(label, { exact: true }).check();
  await page.getByLabel("Relays per athlete").selectOption("1");
  await page.getByText("Score by expected points (a meet file)").click();
  await page.getByLabel("Meet file (.toml)").setInputFiles(MEET_FILE);

  // A weight and a meet file together: the page says why and sends nothing.
  await page.getByText("How much each relay counts (weights)").click();
  const weight = page.getByLabel("Weight: 4x400 m relay, F (girls/women)");
  await weight.fill("2");
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  assert.match(await page.getByRole("alert").textContent(), /^Weights do not apply when the lineups score expected points/);
  assert.equal(await weight.evaluate((el) => el === document.activeElement), true);
  assert.equal(await page.locator("article.meet-relay").count(), 0);
  await weight.fill("1");

  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 60000 });
  const want = cli("lineup", "--events", two.map(([, e]) => e).join(","),
    "--max-relays-per-athlete", "1", "--objective", "points", "--meet", MEET_FILE);
  assert.equal(want.objective, "expected points");
  assert.equal(await page.locator(".meet-objective").textContent(),
    "Objective: the expected points over all relays against the fields of meet-county-relays.toml (20,000 races per sampled team time, seed 1).");
  assert.equal(want.optimal, true);
  assert.equal(await page.locator(".meet-status").textContent(),
    `Proven optimal: no other lineups score more expected points. Expected points over all relays: ${want.expected_points.toFixed(2)} points.`);
  const cards = page.locator("article.meet-relay");
  for (let i = 0; i < two.length; i += 1) {
    const relay = want.relays[i];
    assert.deepEqual(await cards.nth(i).locator("table.legs tbody th").allTextContents(), relay.order);
    assert.ok((await cards.nth(i).locator("h3").textContent()).endsWith(
      `team A: ${formatted(relay.team_time_s)}, ${relay.expected_points.toFixed(2)} points expected`));
  }

  // Without the file the same form is back to the sum of times.
  await page.getByRole("button", { name: "Remove the meet file" }).click();
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.locator(".meet-objective", { hasText: "sum of the team times" }).waitFor({ timeout: 30000 });
});

test("swapping two legs shows the predicted time of the new order and its difference", async () => {
  await open("#/lineup");
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Runners").selectOption("F");
  await page.getByRole("button", { name: "Find the best order" }).click();
  const best = cli("lineup", "--event", "4x100", "--sex", "F");
  const summary = page.locator(".order-time");
  await summary.filter({ hasText: "This order: " }).waitFor();
  assert.equal(await summary.textContent(),
    `This order: ${formatted(best.team_time_s)}, ±0.00 s against the best order (${formatted(best.team_time_s)})`);

  await page.getByRole("button", { name: "Swap with next leg ↓ (legs 2 and 3)" }).click();
  const order = [...best.order];
  [order[1], order[2]] = [order[2], order[1]];
  const want = cli("predict", "--event", "4x100", "--order", order.join(","));
  const text = `This order: ${formatted(want.team_time_s)}, ${diff(want.team_time_s - best.team_time_s)} against the best order`;
  await summary.filter({ hasText: text }).waitFor();
  assert.ok(want.team_time_s > best.team_time_s);
  assert.deepEqual(await page.locator("select[name=leg-runner]").evaluateAll((s) => s.map((x) => x.value)), order);
  const splits = await page.locator(".leg-row .split").allTextContents();
  assert.equal(splits[1].replace(" *", ""), `split ${formatted(want.legs[1].split_s)}`);
  const plan = await page.getByRole("link", { name: "Plan the hand-offs of this order" }).getAttribute("href");
  assert.equal(new URLSearchParams(plan.split("?")[1]).get("order"), order.join(","));

  // A runner picked twice is refused by the server, which names the leg.
  await page.getByLabel("Leg 4 runner (100 m)").selectOption(order[0]);
  const alert = page.locator(".order-editor .error");
  await alert.filter({ hasText: "is in the order twice" }).waitFor();
  assert.match(await alert.textContent(), /^order\.3: /);
  assert.equal(await page.getByRole("link", { name: "Plan the hand-offs of this order" }).isVisible(), false);

  // Back to the best order: no difference.
  await page.getByRole("button", { name: "Back to the best order" }).click();
  await summary.filter({ hasText: "±0.00 s" }).waitFor();
  assert.equal(await alert.textContent(), "");
});

test("on a 375 px phone the meet and the own order fit and work from the keyboard", async () => {
  await open("#/lineup");
  await page.setViewportSize({ width: 375, height: 800 });
  // Mode switch, relays and the button, all from the keyboard.
  await page.getByLabel("One event").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByLabel("Whole meet").isChecked(), true);
  await page.getByLabel(RELAYS[0][0], { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel(RELAYS[1][0], { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Optimise the meet" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });
  assert.equal(await page.locator("article.meet-relay").count(), 2);
  let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `meet lineups are ${overflow} px wider than the screen`);
  await page.getByText("Locks, one-relay exclusions and schedule conflicts").click();
  overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the locks, exclusions and conflicts are ${overflow} px wider than the screen`);

  await page.getByLabel("Whole meet").focus();
  await page.keyboard.press("ArrowLeft");
  await page.getByLabel("Runners").selectOption("M");
  await page.getByRole("button", { name: "Find the best order" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.locator(".order-time");
  await summary.filter({ hasText: "±0.00 s" }).waitFor();
  const best = cli("lineup", "--event", "4x100", "--sex", "M");
  const swap = page.getByRole("button", { name: "Swap with next leg ↓ (legs 1 and 2)" });
  await swap.focus();
  await page.keyboard.press("Enter");
  const order = [best.order[1], best.order[0], best.order[2], best.order[3]];
  const want = cli("predict", "--event", "4x100", "--order", order.join(","));
  await summary.filter({ hasText: `This order: ${formatted(want.team_time_s)}` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Swap with next leg ↓ (legs 1 and 2)",
    "focus stays on the swap button");
  overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `lineup page is ${overflow} px wider than the screen`);
  const box = await swap.boundingBox();
  assert.ok(box.height >= 44, `swap button is ${box.height} px tall`);
});

test("a drilled pair's practice record is named in the order editor's note", async () => {
  await open("#/lineup");
  const plain = cli("lineup", "--event", "4x100", "--sex", "F");
  // Twelve clean drills for the best order's first pair: a bonus, so that order stays best.
  for (let i = 1; i <= 12; i += 1) {
    cli("practice", "log", "--from", plain.order[0], "--to", plain.order[1], "--go-mark", "10",
      "--exchange-at", "6", "--date", `2026-03-${String(i).padStart(2, "0")}`);
  }
  const drilled = cli("lineup", "--event", "4x100", "--sex", "F");
  assert.deepEqual(drilled.order, plain.order);
  assert.ok(drilled.practice_s < 0, `practice adds ${drilled.practice_s} s`);
  await page.getByLabel("Relay").selectOption("4x100");
  await page.getByLabel("Runners").selectOption("F");
  await page.getByRole("button", { name: "Find the best order" }).click();
  const note = page.locator(".order-editor p.muted");
  await note.filter({ hasText: "practice record" }).waitFor();
  const text = await note.textContent();
  assert.ok(text.includes(`includes ${diff(drilled.practice_s)} for its pairs' practice record`), text);
  // The editor times the best order as lineup does, practice record included: no difference.
  await page.locator(".order-time").filter({ hasText: `This order: ${formatted(drilled.team_time_s)}` })
    .filter({ hasText: "±0.00 s" }).waitFor();
  // The plan of that order gives the same time and says what the record added.
  await page.getByRole("link", { name: "Plan the hand-offs of this order" }).click();
  await page.locator("p.hint").filter({ hasText: "for the practice record of 1 pair" }).waitFor();
  const heading = await page.locator("h2").filter({ hasText: "predicted" }).first().textContent();
  assert.ok(heading.includes(formatted(drilled.team_time_s)), heading);
});

test("ten relays with a lock, a one-relay exclusion and a conflict: lineups, alternates and who runs what as the CLI", async () => {
  await open("#/lineup");
  await page.getByLabel("Whole meet").check();
  const events = [["4x100 m relay", "4x100"], ["4x200 m relay", "4x200"], ["4x400 m relay", "4x400"],
    ["4x800 m relay", "4x800"], ["4x1600 m relay", "4x1600"]];
  const labels = [];
  for (const [name, id] of events) {
    for (const sex of ["F", "M"]) {
      await page.getByLabel(`${name}, ${sex === "F" ? "F (girls/women)" : "M (boys/men)"}`, { exact: true }).check();
      labels.push(`${id}/${sex}`);
    }
  }
  await page.getByLabel("Relays per athlete").selectOption("3");
  await page.getByLabel("Events per athlete").selectOption("4");
  await page.getByText("Locks, one-relay exclusions and schedule conflicts").click();
  const lock = page.locator("fieldset.meet-rule", { hasText: "Locked legs" });
  await lock.locator("select[name=lock-relay]").selectOption("4x100/F");
  await lock.locator("select[name=lock-leg]").selectOption("2");
  await lock.locator("select[name=lock-name]").selectOption("Ava Brooks");
  await lock.getByRole("button", { name: "Add: Locked legs" }).click();
  const out = page.locator("fieldset.meet-rule", { hasText: "Out of one relay" });
  await out.locator("select[name=out-relay]").selectOption("4x400/M");
  await out.locator("select[name=out-name]").selectOption("Marcus Reed");
  await out.getByRole("button", { name: "Add: Out of one relay" }).click();
  const conflict = page.locator("fieldset.meet-rule", { hasText: "Schedule conflicts" });
  await conflict.locator("select[name=conflict-a]").selectOption("4x100/M");
  await conflict.locator("select[name=conflict-b]").selectOption("4x400/M");
  await conflict.getByRole("button", { name: "Add: Schedule conflicts" }).click();
  assert.equal(await lock.locator("ul.rules li").count(), 1);
  await page.getByRole("button", { name: "Optimise the meet" }).click();
  await page.getByRole("heading", { name: /^Meet lineups: / }).waitFor({ timeout: 30000 });

  const want = cli("lineup", "--events", labels.join(","), "--max-relays-per-athlete", "3",
    "--max-events", "4", "--lock", "4x100/F:2=Ava Brooks", "--exclude", "4x400/M:Marcus Reed",
    "--conflict", "4x100/M,4x400/M");
  const cards = page.locator("article.meet-relay");
  assert.equal(await cards.count(), 10);
  for (let i = 0; i < 10; i += 1) {
    const card = cards.nth(i);
    const relay = want.relays[i];
    assert.equal(await card.getAttribute("data-event"), relay.event);
    const names = (await card.locator("table.legs tbody th").allTextContents()).map((n) => n.replace(" (locked)", ""));
    assert.deepEqual(names, relay.order);
    const alternates = await card.locator("td.alternate").allTextContents();
    assert.deepEqual(alternates, relay.alternates.map((a) => (a.athlete ? `${a.athlete} (+${a.cost_s.toFixed(2)} s)` : "none free")));
  }
  assert.equal(await cards.nth(0).locator("table.legs tbody tr").nth(1).locator("th").textContent(), "Ava Brooks (locked)");
  // Who runs what: each busy athlete's row as the CLI counts it.
  const rows = page.locator(".who-runs-what tbody tr");
  const busy = want.athletes.filter((a) => a.relays.length);
  assert.equal(await rows.count(), busy.length);
  const ava = want.athletes.find((a) => a.name === "Ava Brooks");
  const row = page.locator('.who-runs-what tr[data-athlete="Ava Brooks"]');
  assert.equal(await row.locator("td").nth(0).textContent(), ava.relays.map((r) => `${r.event} ${r.team} leg ${r.leg}`).join(", "));
  assert.equal(await row.locator("td").nth(3).textContent(), `${ava.event_count} of 4`);
});
