/** Where an item sits in the list's one-flow layout, in px from any common origin. */
export interface ItemBox {
  top: number;
  bottom: number;
}

/**
 * The first item of each page, from the layout with every item drawn in one flow: a page takes
 * items while each ends within `available` px of the page's first item, and at most `maxPerPage`.
 * Each page holds at least one item, so a single item taller than the space still gets a page.
 * Items keep their place in the flow on every page (a fixed grid), so the flow's offsets hold.
 */
export function pageStarts(
  boxes: readonly ItemBox[],
  available: number,
  maxPerPage = Number.POSITIVE_INFINITY,
): number[] {
  if (boxes.length === 0) return [0];
  const starts = [0];
  let top = boxes[0]!.top;
  for (let i = 1; i < boxes.length; i++) {
    const start = starts[starts.length - 1]!;
    // Half a pixel of tolerance: layout rounds to device pixels.
    const fits = boxes[i]!.bottom - top <= available + 0.5 && i - start < maxPerPage;
    if (!fits) {
      starts.push(i);
      top = boxes[i]!.top;
    }
  }
  return starts;
}

/** The items of page `page` (clamped to the last) given the page starts. */
export function pageRange(
  starts: readonly number[],
  count: number,
  page: number,
): { page: number; from: number; to: number } {
  const current = Math.min(Math.max(page, 0), starts.length - 1);
  return { page: current, from: starts[current]!, to: starts[current + 1] ?? count };
}
