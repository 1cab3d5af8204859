/**
 * One string fact of each of the log's rows (its event name, its session) as a number per row in
 * a Uint32Array (4 bytes a row, outside the JS heap): a scan testing that fact answers once per
 * distinct value and then reads only this column, not each row's objects. Code 0 is a row whose
 * fact must be read from the row itself (none, or more than one).
 */
export class CodeColumn {
  private codes = new Uint32Array(1024);
  private size = 0;
  /** `values[code - 1]` is what `code` stands for. Values are interned for good: names are few,
   * sessions a few bytes each in a Map (what a page that runs for days pays for this column). */
  private readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  /** The code of row `i` (a position in the log's rows); 0: read the row. */
  code(i: number): number {
    return this.codes[i] ?? 0;
  }

  /** The value a code other than 0 stands for. */
  value(code: number): string {
    return this.values[code - 1] ?? '';
  }

  push(value: string | null): void {
    if (this.size === this.codes.length) {
      const grown = new Uint32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[this.size++] = value === null ? 0 : this.intern(value);
  }

  /** Forgets the first `count` rows, as the log drops them. */
  dropFront(count: number): void {
    this.codes.copyWithin(0, count, this.size);
    this.size -= count;
  }

  private intern(value: string): number {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    this.values.push(value);
    this.byValue.set(value, this.values.length);
    return this.values.length;
  }
}
