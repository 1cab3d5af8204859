/**
 * FAKE. A stand-in for Universal Routing's target selection, which this project does not have: it
 * knows no agent states or statistics, it only picks among what it is given. A pick is a hash of
 * the seed and a key (the request's id), so the same run picks the same targets, whatever order
 * sessions run in, and a different seed picks differently.
 */
export function pickIndex(seed: number, key: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`cannot pick among ${count} choices`);
  return hash(`${seed >>> 0}:${key}`) % count;
}

/** FNV-1a, 32 bits: spreads similar ids (`s1.request1`, `s1.request2`) over the choices. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
