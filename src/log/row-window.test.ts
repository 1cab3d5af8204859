import { describe, expect, it } from 'vitest';
import { type RowView, rowWindow } from './row-window';

const view = (over: Partial<RowView>): RowView => ({
  scrollTop: 0,
  viewHeight: 240,
  rowHeight: 24,
  headHeight: 24,
  overscan: 2,
  follow: false,
  ...over,
});

describe('rowWindow (the rows the log draws)', () => {
  it('while following: the rows that fit at the end of the list, and the overscan above them', () => {
    expect(rowWindow(150, view({ follow: true, scrollTop: 0 }))).toEqual({ from: 138, to: 150 });
  });

  it('while following a list shorter than the box: every row', () => {
    expect(rowWindow(5, view({ follow: true }))).toEqual({ from: 0, to: 5 });
  });

  it('at the top: the rows under the header, and the overscan below them', () => {
    // 240 px less a 24 px header shows rows 0 to 8.
    expect(rowWindow(1000, view({ scrollTop: 0 }))).toEqual({ from: 0, to: 11 });
  });

  it('scrolled: the rows at the scroll position, with overscan on both sides', () => {
    // Row i sits at 24 + 24 i: scrollTop 24 + 24 * 100 shows rows 100 to 109.
    expect(rowWindow(1000, view({ scrollTop: 24 + 2400 }))).toEqual({ from: 98, to: 112 });
    // Half a row further, row 110 peeks in at the bottom.
    expect(rowWindow(1000, view({ scrollTop: 24 + 2412 }))).toEqual({ from: 98, to: 113 });
  });

  it('never names a row the list does not have', () => {
    expect(rowWindow(105, view({ scrollTop: 24 + 2400 }))).toEqual({ from: 98, to: 105 });
    expect(rowWindow(0, view({ scrollTop: 5000 }))).toEqual({ from: 0, to: 0 });
  });
});
