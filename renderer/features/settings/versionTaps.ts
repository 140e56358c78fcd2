/** Taps on the version line that open the engineering PIN, as Android's build number does. */
export const TAPS_TO_UNLOCK = 7;
/** They must come this close together: a deliberate gesture, not stray touches over a drive. */
export const TAP_WINDOW_MS = 4000;

/** The taps still counted after one at `now`: those within the window, this one included. */
export function countTap(taps: readonly number[], now: number): number[] {
  return [...taps.filter((t) => now - t < TAP_WINDOW_MS), now];
}
