/** How the screen stack moved, which decides where focus goes next. */
export type StackChange = 'push' | 'pop' | 'reset' | 'none';

/**
 * Compares two stacks by entry identity (the nav slice never mutates an entry): a shorter stack
 * that is a prefix of the old one is a pop; a new entry on top is a push (also when the depth
 * limit dropped an entry below it); a new single root is a reset.
 */
export function stackChange<T>(previous: readonly T[], next: readonly T[]): StackChange {
  if (previous === next) return 'none';
  const top = next.at(-1);
  if (next.length === 1 && top !== previous[0]) return 'reset';
  if (next.length < previous.length && next.every((entry, i) => entry === previous[i])) {
    return 'pop';
  }
  if (top !== undefined && !previous.includes(top)) return 'push';
  return 'none';
}
