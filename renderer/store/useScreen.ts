import { useAppStore } from './context.tsx';
import type { Screen, ScreenName } from './navSlice.ts';

/**
 * The parameters the current screen was opened with. A screen opened by name alone (the nav
 * bar, the safety audit) gets just its name, and every screen handles that.
 */
export function useScreenParams<N extends ScreenName>(name: N): Extract<Screen, { name: N }> {
  // The stack entry itself is selected (a stable reference); a new object here would re-render forever.
  const top = useAppStore((s) => s.stack[s.stack.length - 1]);
  return (top?.name === name ? top : { name }) as Extract<Screen, { name: N }>;
}
