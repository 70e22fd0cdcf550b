// Answers that arrive after a newer request was sent are dropped. Each form keeps one
// `latest()`: a new request aborts the one before it (AbortController) and is numbered, and
// only the newest request's answer (or error) reaches the page. The result area is marked busy
// while a request is out and names the request its content belongs to (data-request), so a
// result is never mistaken for another request's.

/** What `run` gives back for a request that a newer one replaced. */
export const STALE = Symbol("stale answer");

/**
 * const plan = latest(resultElement);
 * const doc = await plan.run((signal) => api("POST", path, { json, signal }), "4x100: A, B, C, D");
 * if (doc === STALE) return;   // a newer request owns the page now
 */
export function latest(area = null) {
  let asked = 0;
  let controller = null;
  return {
    /** The number of the newest request (0 before the first). */
    get current() { return asked; },
    /** True while `n` is still the newest request. */
    isCurrent(n) { return n === asked; },
    /** Runs `send(signal)` as the newest request; `label` says what it asks for. */
    async run(send, label = "") {
      asked += 1;
      const mine = asked;
      if (controller) controller.abort();
      controller = new AbortController();
      if (area) {
        area.setAttribute("aria-busy", "true");
        area.dataset.pending = label;
      }
      try {
        const value = await send(controller.signal);
        if (mine !== asked) return STALE;
        return value;
      } catch (err) {
        if (mine !== asked || (err && err.name === "AbortError")) return STALE;
        throw err;
      } finally {
        if (mine === asked && area) {
          area.removeAttribute("aria-busy");
          area.dataset.request = label;
          delete area.dataset.pending;
        }
      }
    },
  };
}
