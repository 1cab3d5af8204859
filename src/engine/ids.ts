/**
 * Generated ids. They are derived from the model (how many records exist), not from a counter of
 * their own, so an engine rebuilt from its journal goes on with exactly the ids the live one would.
 */
const SESSION_DIGITS = 5;
const GUID_DIGITS = 14;

/** Session ids read like `S-0001A`: short enough to show on a graph node. */
export function nextSessionId(taken: ReadonlyMap<string, unknown>): string {
  return nextFree(taken, (n) => `S-${base36(n, SESSION_DIGITS)}`);
}

/** g_uids are 16 characters, like ORS's (`00` + 14); the UI shows the last six. */
export function nextInteractionId(taken: ReadonlyMap<string, unknown>): string {
  return nextFree(taken, (n) => `00${base36(n, GUID_DIGITS)}`);
}

export function shortGuid(g_uid: string): string {
  return g_uid.length > 6 ? g_uid.slice(-6) : g_uid;
}

function nextFree(taken: ReadonlyMap<string, unknown>, format: (n: number) => string): string {
  // Explicit ids given by commands may collide with generated ones: skip those.
  let n = taken.size + 1;
  let id = format(n);
  while (taken.has(id)) id = format(++n);
  return id;
}

function base36(n: number, digits: number): string {
  return n.toString(36).toUpperCase().padStart(digits, '0');
}
