import { describe, expect, it } from 'vitest';
import type { Direction } from '../../renderer/input/keymap.ts';
import { nearestInDirection, stepInOrder, type Rect } from '../../renderer/input/spatial.ts';

const box = (left: number, top: number, width = 80, height = 80): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

/*
 * A 3×3 grid of 80 px buttons with 20 px gaps:
 *   0 1 2
 *   3 4 5
 *   6 7 8
 */
const grid = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => box(col * 100, row * 100)));
const move = (from: number, d: Direction) => nearestInDirection(grid[from]!, grid, d);

describe('nearest control in a direction', () => {
  it.each<[number, Direction, number]>([
    [0, 'right', 1],
    [1, 'right', 2],
    [0, 'down', 3],
    [3, 'down', 6],
    [4, 'up', 1],
    [4, 'left', 3],
    [4, 'right', 5],
    [4, 'down', 7],
    [8, 'left', 7],
    [8, 'up', 5],
    [2, 'left', 1],
  ])('grid: %i %s -> %i', (from, d, to) => {
    expect(move(from, d)).toBe(to);
  });

  it.each<[number, Direction]>([
    [0, 'left'],
    [0, 'up'],
    [2, 'right'],
    [8, 'down'],
    [6, 'left'],
  ])('grid: nothing %s of %i, so focus stays', (from, d) => {
    expect(move(from, d)).toBe(-1);
  });

  it('never picks the source itself', () => {
    expect(nearestInDirection(box(0, 0), [box(0, 0)], 'right')).toBe(-1);
  });

  it('prefers a control in line over a nearer one off the line (horizontal)', () => {
    const from = box(0, 100);
    const nearButHigher = box(100, 0); // closer, but above the source's row
    const inLineFarther = box(300, 100);
    expect(nearestInDirection(from, [nearButHigher, inLineFarther], 'right')).toBe(1);
  });

  it('going down, an aligned control wins only while the other is not wholly closer', () => {
    const from = box(0, 0, 80, 80);
    const offsetRow = box(120, 100, 80, 80); // next row, off to the side (out of the beam)
    // Aligned and starting before the offset one ends: alignment wins.
    expect(nearestInDirection(from, [offsetRow, box(0, 150, 80, 80)], 'down')).toBe(1);
    // Aligned but further than the whole offset control: the nearer row wins.
    expect(nearestInDirection(from, [box(0, 400, 80, 80), offsetRow], 'down')).toBe(1);
  });

  it('prefers partial overlap on the cross axis over none', () => {
    const from = box(0, 0, 80, 80);
    const overlapping = box(200, 60, 80, 80); // shares 20 px of height
    const closerBelow = box(100, 90, 80, 80); // touches nothing of our row
    expect(nearestInDirection(from, [closerBelow, overlapping], 'right')).toBe(1);
  });

  it('treats a row that only touches our edge as not aligned', () => {
    const from = box(0, 100, 80, 80);
    const touchingAbove = box(100, 20, 80, 80); // bottom edge == our top edge
    const below = box(100, 180, 80, 80); // top edge == our bottom edge
    const aligned = box(400, 100, 80, 80);
    expect(nearestInDirection(from, [touchingAbove, below, aligned], 'right')).toBe(2);
  });

  it('among equally aligned candidates the nearer wins, ties go to reading order', () => {
    const from = box(0, 0);
    expect(nearestInDirection(from, [box(400, 0), box(200, 0)], 'right')).toBe(1);
    expect(nearestInDirection(from, [box(100, -10), box(100, 10)], 'right')).toBe(0);
  });

  it('handles overlapping boxes: a candidate must extend beyond us in that direction', () => {
    const from = box(0, 0, 100, 100);
    const overlapsRight = box(50, 0, 100, 100); // starts inside us, ends beyond
    const inside = box(20, 20, 40, 40); // wholly inside: not to our right
    expect(nearestInDirection(from, [inside, overlapsRight], 'right')).toBe(1);
    expect(nearestInDirection(from, [inside], 'right')).toBe(-1);
  });

  it('finds the nav bar below a screen of controls, even when far off to the side', () => {
    const choice = box(1400, 100, 150, 80);
    const navHome = box(0, 600, 200, 100);
    const navSettings = box(220, 600, 200, 100);
    expect(nearestInDirection(choice, [navHome, navSettings], 'down')).toBe(1);
  });
});

describe('rotary steps in reading order', () => {
  it.each([
    [5, 0, 1, 1],
    [5, 3, -1, 2],
    [5, 4, 1, 4], // stops at the end
    [5, 0, -1, 0], // and at the start
    [5, -1, 1, 0], // nothing focused: clockwise starts at the first
    [5, -1, -1, 4], // counter-clockwise at the last
    [0, -1, 1, -1],
  ] as const)('%i controls, at %i, step %i -> %i', (count, index, step, expected) => {
    expect(stepInOrder(count, index, step)).toBe(expected);
  });
});
