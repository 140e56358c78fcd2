import type { StateCreator } from 'zustand';
import type { AreaId } from '../../common/areas.ts';
import type { MerchantCategory } from '../../common/cloudApi/catalog.schema.ts';

/**
 * Every screen the app can show, with its parameters. A typed stack instead of URLs: a kiosk has
 * no address bar. Parameters are optional so that every screen also makes sense opened by name
 * alone (the safety audit and the nav bar do that): each screen says what it shows without them.
 */
export type Screen =
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'services' }
  /** Merchants of one category (all without), around the car or in an area (`area` overrides the choice). */
  | { name: 'merchants'; category?: MerchantCategory; area?: AreaId }
  | { name: 'merchant'; merchantId?: string }
  | { name: 'checkout' }
  /** One order's progress; without an id the latest order. */
  | { name: 'order'; clientOrderId?: string }
  | { name: 'orders' }
  | { name: 'favourites' }
  /** The lease or subscription: glanceable gauge and one line; details when parked. */
  | { name: 'lease' }
  /** The end-of-term checklist (from 120 days before maturity). */
  | { name: 'leaseEnd' }
  | { name: 'offers' }
  /** The consent centre: one switch per purpose. */
  | { name: 'consent' }
  /** Models to test-drive; with a model, its free slots. */
  | { name: 'testDrives'; modelId?: string }
  /**
   * For OEM engineers; `unlocked` once the host has taken the PIN (Settings pushes it so), with
   * the session the host handed out for it.
   */
  | { name: 'engineering'; unlocked?: boolean; session?: string };
export type ScreenName = Screen['name'];

/** Deeper stacks are a sign of a flow too long for a car (B9: at most 5 screens). */
export const MAX_STACK_DEPTH = 5;

export interface NavSlice {
  stack: Screen[];
  push(screen: Screen): void;
  pop(): void;
  reset(screen?: Screen): void;
  /** Swaps the top screen for another (a flow's last step for its outcome: checkout → order). */
  replaceTop(screen: Screen): void;
}

export const createNavSlice: StateCreator<NavSlice, [], [], NavSlice> = (set) => ({
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
  replaceTop: (screen) => set(({ stack }) => ({ stack: [...stack.slice(0, -1), screen] })),
});
