/**
 * The newest lines of a log, kept in memory for the engineering screen and diagnostics bundles
 * (journald keeps the full log on a unit, but an engineer at the bench reads the screen).
 */
export function createLogRing(capacity: number) {
  const lines: string[] = [];
  return {
    push(line: string): void {
      lines.push(line.endsWith('\n') ? line.slice(0, -1) : line);
      if (lines.length > capacity) lines.splice(0, lines.length - capacity);
    },
    /** Oldest first. */
    lines(): string[] {
      return [...lines];
    },
  };
}
