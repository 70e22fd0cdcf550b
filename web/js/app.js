// The app shell: hash routes ("#/roster") to pages, and the navigation's current page.
import { rosterPage } from "./roster.js";
import { eventsPage } from "./events.js";

const PAGES = { roster: rosterPage, events: eventsPage };

function route() {
  const name = (location.hash.replace(/^#\/?/, "").split("/")[0]) || "roster";
  const page = PAGES[name] ? name : "roster";
  for (const link of document.querySelectorAll("nav a[data-page]")) {
    if (link.dataset.page === page) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const main = document.getElementById("main");
  document.title = `${page[0].toUpperCase()}${page.slice(1)} · Baton`;
  PAGES[page](main);
}

window.addEventListener("hashchange", () => {
  route();
  document.getElementById("main").focus();
});
route();
