import type { StateCreator } from 'zustand';
import type { AppState } from './appStore.ts';

/** Every screen the app can show, with its parameters. A typed stack instead of URLs: a kiosk has no address bar. */
export type Screen = { name: 'home' } | { name: 'settings' };
export type ScreenName = Screen['name'];

/** Deeper stacks are a sign of a flow too long for a car (B9: at most 5 screens). */
export const MAX_STACK_DEPTH = 5;

export interface NavSlice {
  stack: Screen[];
  push(screen: Screen): void;
  pop(): void;
  reset(screen?: Screen): void;
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  stack: [{ name: 'home' }],
  push: (screen) =>
    set(({ stack }) => {
      const top = stack[stack.length - 1];
      if (top && top.name === screen.name) return {};
      const next = [...stack, screen];
      return {
        stack:
          next.length > MAX_STACK_DEPTH ? [next[0]!, ...next.slice(-(MAX_STACK_DEPTH - 1))] : next,
      };
    }),
  pop: () => set(({ stack }) => (stack.length > 1 ? { stack: stack.slice(0, -1) } : {})),
  reset: (screen = { name: 'home' }) => set({ stack: [screen] }),
});
