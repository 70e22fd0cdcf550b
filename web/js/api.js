// Calls to the server's JSON API. Errors arrive as {"error", "field", "line"} and are thrown
// as ApiError so forms can point at the field.
import { sessionHeaders, showLogin } from "./session.js";

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `the server answered ${status}`);
    this.status = status;
    this.field = body ? body.field : null;
    this.line = body ? body.line : undefined;
  }

  /** "line 4, sex: sex must be F or M" */
  describe() {
    const where = [this.line ? `line ${this.line}` : "", this.field || ""].filter(Boolean);
    return where.length ? `${where.join(", ")}: ${this.message}` : this.message;
  }
}

/**
 * JSON request; `body` is sent as JSON unless `text` is given. `signal` (an AbortSignal) cancels
 * it: the promise then rejects with the AbortError, which `latest()` (latest.js) drops.
 */
export async function api(method, path, { json, text, signal } = {}) {
  const init = { method, headers: sessionHeaders(method), signal };
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (text !== undefined) {
    init.headers["Content-Type"] = "text/plain; charset=utf-8";
    init.body = text;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new ApiError(0, { error: "cannot reach the Baton server: is `baton serve` running?" });
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.status === 401) showLogin();
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

export const athletePath = (name) => `/api/athletes/${encodeURIComponent(name)}`;
