/**
 * Case-insensitive comparisons against an already lower-cased `wanted`, without allocating: a
 * query tests up to a million rows, and `toLowerCase()` per row would make a string each time.
 * Letters A-Z fold; other characters must be equal (ids, names and data keys are ASCII).
 */
function sameAt(text: string, at: number, wanted: string): boolean {
  // From the end: ids and names share their starts (`S-00`, `interaction.`), so most differ there.
  for (let i = wanted.length - 1; i >= 0; i--) {
    let c = text.charCodeAt(at + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== wanted.charCodeAt(i)) return false;
  }
  return true;
}

export function equalsFolded(text: string, wanted: string): boolean {
  return text.length === wanted.length && sameAt(text, 0, wanted);
}

export function startsWithFolded(text: string, wanted: string): boolean {
  return text.length >= wanted.length && sameAt(text, 0, wanted);
}

export function endsWithFolded(text: string, wanted: string): boolean {
  return text.length >= wanted.length && sameAt(text, text.length - wanted.length, wanted);
}
