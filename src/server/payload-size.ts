/**
 * Whether a decoded message is longer than `limit` characters of JSON, counted without encoding
 * it again and stopping as soon as it is: a check that costs at most `limit`, however large or
 * deep the message (no recursion, so no stack overflow either). Escapes inside strings are not
 * counted, so it can undercount a little, which is all a limit needs.
 */
export function exceedsJsonLength(value: unknown, limit: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= limit) {
    const item = stack.pop();
    if (typeof item === 'string') size += item.length + 2;
    else if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) size += item.byteLength;
    else if (Array.isArray(item)) {
      // Brackets and the commas between elements.
      size += Math.max(2, item.length + 1);
      if (size <= limit) for (const element of item) stack.push(element);
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      size += entries.length === 0 ? 2 : 1;
      for (const [key, element] of entries) {
        // `"key":` and a comma, or for one of them the closing brace.
        size += key.length + 4;
        if (size > limit) return true;
        stack.push(element);
      }
    } else size += String(item).length;
  }
  return size > limit;
}
