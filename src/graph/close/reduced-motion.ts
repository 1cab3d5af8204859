let query: MediaQueryList | null | undefined;

/**
 * Whether the user asked for less motion. Read when a move starts, so a change of the setting
 * applies to the next move; the query object is made once.
 */
export function prefersReducedMotion(): boolean {
  if (query === undefined) {
    query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  }
  return query?.matches ?? false;
}
