import { describe, expect, it } from 'vitest';
import { newestRows } from './newest-rows';

describe('newestRows (the rows drawn while following)', () => {
  it('draws the rows that fit at the end of the list, and the overscan above them', () => {
    expect(newestRows(150, 10, 2)).toEqual(Array.from({ length: 12 }, (_, i) => 138 + i));
  });

  it('draws every row of a list shorter than the box', () => {
    expect(newestRows(5, 10, 2)).toEqual([0, 1, 2, 3, 4]);
  });
});
