/** What the page knows of an id that a developer typed. */
export type ResolvedId = { ok: true; id: string } | { ok: false; reason: string };

/** Ambiguous matches named in the error, at most. */
const NAMED = 3;

/**
 * An id typed as the page shows it: the full id, any case, or its end, such as the last six
 * characters of a g_uid that a chip and the log show, when exactly one known id ends so.
 * An id the page does not know is refused here: the page could not say which session the
 * command would run in, and the engine would blame the wrong field.
 */
export function resolveId(
  typed: string,
  known: Iterable<string>,
  what: 'session' | 'interaction',
): ResolvedId {
  const text = typed.trim();
  if (text === '') return { ok: false, reason: `enter the ${what}'s id, or select one` };
  const wanted = text.toUpperCase();
  const endings: string[] = [];
  for (const id of known) {
    if (id === text) return { ok: true, id };
    const upper = id.toUpperCase();
    if (upper === wanted) return { ok: true, id };
    if (upper.endsWith(wanted)) endings.push(id);
  }
  const [only] = endings;
  if (only !== undefined && endings.length === 1) return { ok: true, id: only };
  if (endings.length === 0) return { ok: false, reason: `no ${what} "${text}" on the page` };
  const named = endings.slice(0, NAMED).join(', ');
  const more = endings.length > NAMED ? ', …' : '';
  return {
    ok: false,
    reason: `"${text}" is the end of ${endings.length} ${what} ids (${named}${more}): type more of it`,
  };
}
