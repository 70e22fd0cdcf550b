// Logging in, for a server started with `baton serve --auth` or on a network address. The
// session itself is an HttpOnly cookie the page never sees; what the page keeps is the CSRF
// token the login answered with, sent back in the X-CSRF-Token header of every write. Any 401
// from the API opens the login dialog; after logging in the current page is shown again.
import { h, announce } from "./dom.js";

let csrfToken = "";
let dialog = null;

/** Headers a request with `method` needs for the session: the CSRF token on writes. */
export function sessionHeaders(method) {
  return csrfToken && method !== "GET" && method !== "HEAD" ? { "X-CSRF-Token": csrfToken } : {};
}

function loggedIn(doc) {
  csrfToken = doc.csrf_token || "";
  showUser(doc.user, doc.role);
}

// "Kay (coach) · Log out" at the end of the header bar.
function showUser(user, role) {
  const bar = document.querySelector("header.bar");
  bar.querySelector(".session")?.remove();
  if (!user) return;
  const out = h("button", { type: "button", class: "link session-out", onclick: logOut }, "Log out");
  bar.append(h("span", { class: "session" }, h("span", {}, `${user} (${role})`), out));
}

async function logOut() {
  await fetch("/api/session", { method: "DELETE", headers: sessionHeaders("DELETE") });
  csrfToken = "";
  // The answers the service worker kept belong to this account: forget them on this device.
  navigator.serviceWorker?.controller?.postMessage({ type: "clear-data" });
  showUser(null);
  showLogin();
}

/** Opens the login dialog (once, however many requests were refused). */
export function showLogin() {
  if (dialog && dialog.open) return;
  const error = h("p", { class: "error", role: "alert" });
  const user = h("input", { name: "user", autocomplete: "username", required: true,
    autocapitalize: "none", spellcheck: "false" });
  const password = h("input", { name: "password", type: "password", required: true,
    autocomplete: "current-password" });
  const form = h("form", { class: "login-form", onsubmit: (e) => submit(e, user, password, error) },
    h("h1", { id: "login-title" }, "Log in to Baton"),
    h("p", { class: "hint" }, "Ask your coach for an account (baton users add)."),
    h("label", { class: "block" }, "Name", user),
    h("label", { class: "block" }, "Password", password),
    error,
    h("div", { class: "buttons" }, h("button", { type: "submit", class: "primary" }, "Log in")));
  dialog?.remove();
  dialog = h("dialog", { class: "login", "aria-labelledby": "login-title" }, form);
  // The dialog stays until a login succeeds: Escape does not close it.
  dialog.addEventListener("cancel", (e) => e.preventDefault());
  document.body.append(dialog);
  dialog.showModal();
  user.focus();
}

async function submit(event, user, password, error) {
  event.preventDefault();
  error.textContent = "";
  let res;
  try {
    res = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: user.value, password: password.value }) });
  } catch {
    error.textContent = "Cannot reach the Baton server.";
    return;
  }
  const doc = await res.json().catch(() => ({}));
  if (!res.ok) {
    error.textContent = res.status === 429
      ? `Too many wrong passwords: try again in ${Math.ceil(Number(res.headers.get("Retry-After")) / 60)} min.`
      : doc.error === "wrong name or password" ? "Wrong name or password." : doc.error || `The server answered ${res.status}.`;
    password.value = "";
    password.focus();
    return;
  }
  loggedIn(doc);
  dialog.close();
  dialog.remove();
  announce(`Logged in as ${doc.user}`);
  // Show the page again, now with the data it could not read.
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

// On load: pick up the session a cookie may still hold (its CSRF token, who is logged in).
fetch("/api/session").then(async (res) => {
  if (res.status === 401) return showLogin();
  if (!res.ok) return undefined;
  const doc = await res.json();
  if (doc.user) loggedIn(doc);
  return undefined;
}).catch(() => {});

document.head.append(h("link", { rel: "stylesheet", href: "/login.css" }));
