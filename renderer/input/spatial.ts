import type { Direction } from './keymap.ts';

/** A box in viewport coordinates, as getBoundingClientRect reports it. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/*
 * Nearest control in a direction, after the rules of Android's FocusFinder (the algorithm its
 * D-pad and rotary nudges use), written here as pure functions over rectangles:
 * 1. a candidate must lie in the direction (its far edge beyond ours, its near edge not behind us);
 * 2. one that overlaps our "beam" (our extent on the cross axis) beats one that does not, with a
 *    limit for up/down so a far aligned control does not beat a near one in the next row;
 * 3. otherwise the smaller weighted distance wins: 13 x major-axis gap² + cross-axis offset²,
 *    so being straight ahead counts for much more than being close sideways.
 * Ties go to the earlier candidate (reading order), which keeps the result deterministic.
 */

const horizontal = (d: Direction) => d === 'left' || d === 'right';

function isCandidate(src: Rect, dest: Rect, d: Direction): boolean {
  switch (d) {
    case 'left':
      return (src.right > dest.right || src.left >= dest.right) && src.left > dest.left;
    case 'right':
      return (src.left < dest.left || src.right <= dest.left) && src.right < dest.right;
    case 'up':
      return (src.bottom > dest.bottom || src.top >= dest.bottom) && src.top > dest.top;
    case 'down':
      return (src.top < dest.top || src.bottom <= dest.top) && src.bottom < dest.bottom;
  }
}

/** Overlap on the cross axis; touching edges do not count (a row above only touches ours). */
function beamsOverlap(src: Rect, dest: Rect, d: Direction): boolean {
  return horizontal(d)
    ? dest.bottom > src.top && dest.top < src.bottom
    : dest.right > src.left && dest.left < src.right;
}

/** Wholly on that side of the source. */
function isToDirectionOf(src: Rect, dest: Rect, d: Direction): boolean {
  switch (d) {
    case 'left':
      return src.left >= dest.right;
    case 'right':
      return src.right <= dest.left;
    case 'up':
      return src.top >= dest.bottom;
    case 'down':
      return src.bottom <= dest.top;
  }
}

/** Gap from our edge to the candidate's near edge. */
function majorDistance(src: Rect, dest: Rect, d: Direction): number {
  const gap = {
    left: src.left - dest.right,
    right: dest.left - src.right,
    up: src.top - dest.bottom,
    down: dest.top - src.bottom,
  }[d];
  return Math.max(0, gap);
}

/** Gap from our edge to the candidate's far edge. */
function majorDistanceToFarEdge(src: Rect, dest: Rect, d: Direction): number {
  const gap = {
    left: src.left - dest.left,
    right: dest.right - src.right,
    up: src.top - dest.top,
    down: dest.bottom - src.bottom,
  }[d];
  return Math.max(1, gap);
}

function minorDistance(src: Rect, dest: Rect, d: Direction): number {
  return horizontal(d)
    ? Math.abs((src.top + src.bottom) / 2 - (dest.top + dest.bottom) / 2)
    : Math.abs((src.left + src.right) / 2 - (dest.left + dest.right) / 2);
}

function weightedDistance(src: Rect, dest: Rect, d: Direction): number {
  const major = majorDistance(src, dest, d);
  const minor = minorDistance(src, dest, d);
  return 13 * major * major + minor * minor;
}

/** True when `a` wins over `b` on beam alignment alone. */
function beamBeats(src: Rect, a: Rect, b: Rect, d: Direction): boolean {
  const aInBeam = beamsOverlap(src, a, d);
  const bInBeam = beamsOverlap(src, b, d);
  if (bInBeam || !aInBeam) return false;
  if (!isToDirectionOf(src, b, d)) return true;
  if (horizontal(d)) return true;
  // Vertically, an aligned control wins only while the other is not wholly closer.
  return majorDistance(src, a, d) < majorDistanceToFarEdge(src, b, d);
}

function isBetter(src: Rect, a: Rect, b: Rect, d: Direction): boolean {
  if (!isCandidate(src, a, d)) return false;
  if (!isCandidate(src, b, d)) return true;
  if (beamBeats(src, a, b, d)) return true;
  if (beamBeats(src, b, a, d)) return false;
  return weightedDistance(src, a, d) < weightedDistance(src, b, d);
}

/**
 * Index of the candidate nearest to `from` in `direction`, or -1 when there is none (focus
 * stays). A candidate equal to `from` is never chosen, so the source may be in the list.
 */
export function nearestInDirection(
  from: Rect,
  candidates: readonly Rect[],
  direction: Direction,
): number {
  let best = -1;
  candidates.forEach((rect, i) => {
    if (!isCandidate(from, rect, direction)) return;
    if (best === -1 || isBetter(from, rect, candidates[best]!, direction)) best = i;
  });
  return best;
}

/**
 * Rotary step in reading order: the next or previous index, stopping at either end (like a
 * rotary focus area, it does not wrap, so a turn too far does not jump to the far side of the
 * screen). With nothing focused (-1), clockwise starts at the first control and
 * counter-clockwise at the last.
 */
export function stepInOrder(count: number, index: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (index < 0 || index >= count) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + step));
}
