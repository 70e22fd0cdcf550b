// The app shell: hash routes ("#/roster", "#/handoffs?event=4x100&order=...") to pages, and the
// navigation's current page.
import { rosterPage } from "./roster.js";
import { eventsPage } from "./events.js";
import { lineupPage } from "./lineup.js";
import { handoffsPage } from "./handoffs.js";
import { practicePage } from "./practice.js";
import { cardsPage } from "./cards.js";
import { oddsPage } from "./odds.js";
import { sendWaiting } from "./drill_queue.js";

const PAGES = { roster: rosterPage, events: eventsPage, lineup: lineupPage, handoffs: handoffsPage,
  practice: practicePage, cards: cardsPage, odds: oddsPage };
const TITLES = { roster: "Roster", events: "Events", lineup: "Lineup", handoffs: "Hand-offs",
  practice: "Practice", cards: "Cards & report", odds: "Race odds" };

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const q = hash.indexOf("?");
  const name = (q < 0 ? hash : hash.slice(0, q)).split("/")[0] || "roster";
  const params = new URLSearchParams(q < 0 ? "" : hash.slice(q + 1));
  const page = PAGES[name] ? name : "roster";
  for (const link of document.querySelectorAll("nav a[data-page]")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const main = document.getElementById("main");
  document.title = `${TITLES[page]} · Baton`;
  PAGES[page](main, params);
}

window.addEventListener("hashchange", () => {
  route();
  document.getElementById("main").focus();
});
route();

// Installable and usable offline (sw.js); drills logged offline go out when the app starts online.
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
if (navigator.onLine) sendWaiting().catch(() => {});
