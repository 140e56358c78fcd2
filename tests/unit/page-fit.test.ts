import { describe, expect, it } from 'vitest';
import { pageRange, pageStarts, type ItemBox } from '../../renderer/ui/pageFit.ts';

/** Rows of `height` px with `gap` px between, `columns` items a row, from y = 100. */
function grid(count: number, height: number, gap: number, columns = 1): ItemBox[] {
  return Array.from({ length: count }, (_, i) => {
    const top = 100 + Math.floor(i / columns) * (height + gap);
    return { top, bottom: top + height };
  });
}

describe('pageStarts: which item opens each page', () => {
  it.each([
    // what, boxes, available px, max per page, expected starts
    ['everything fits', grid(3, 50, 10), 200, undefined, [0]],
    ['exactly fits (50+10+50+10+50 = 170)', grid(3, 50, 10), 170, undefined, [0]],
    ['half a pixel of rounding still fits', grid(3, 50, 10), 169.6, undefined, [0]],
    ['two rows a page', grid(5, 50, 10), 110, undefined, [0, 2, 4]],
    ['one tall item still gets a page', grid(3, 300, 10), 100, undefined, [0, 1, 2]],
    ['two columns: whole rows', grid(6, 50, 10, 2), 110, undefined, [0, 4]],
    ['capped per page', grid(6, 50, 10, 2), 1000, 2, [0, 2, 4]],
    ['no items: one empty page', [], 100, undefined, [0]],
    ['no layout (all zero) is one page', Array(4).fill({ top: 0, bottom: 0 }), 0, undefined, [0]],
  ])('%s', (_what, boxes, available, max, expected) => {
    expect(pageStarts(boxes as ItemBox[], available as number, max as number | undefined)).toEqual(
      expected,
    );
  });

  it('a wrapped (taller) item moves to the next page', () => {
    const boxes = [
      { top: 0, bottom: 40 },
      { top: 50, bottom: 90 },
      { top: 100, bottom: 170 }, // wraps to two lines
    ];
    expect(pageStarts(boxes, 120)).toEqual([0, 2]);
  });
});

describe('pageRange: the items of a page', () => {
  it.each([
    [[0, 2, 4], 5, 0, { page: 0, from: 0, to: 2 }],
    [[0, 2, 4], 5, 2, { page: 2, from: 4, to: 5 }],
    // After the list shrinks, a page past the end shows the last one.
    [[0, 2], 3, 7, { page: 1, from: 2, to: 3 }],
    [[0], 0, 0, { page: 0, from: 0, to: 0 }],
  ])('starts %j of %i items, page %i', (starts, count, page, expected) => {
    expect(pageRange(starts, count, page)).toEqual(expected);
  });
});
