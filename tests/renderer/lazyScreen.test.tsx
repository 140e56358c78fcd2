import { act, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../renderer/app/lazyScreen.ts';
import { preloadScreens, SCREENS } from '../../renderer/app/screens.ts';

const Loaded = () => <p data-testid="loaded">loaded</p>;
const inSuspense = (Screen: ComponentType) => (
  <Suspense fallback={<p data-testid="fallback">…</p>}>
    <Screen />
  </Suspense>
);

const busyArea = (container: HTMLElement) => container.querySelector('.screen__loading[aria-busy]');

describe('lazyScreen: a screen in its own chunk', () => {
  it('shows a busy area on a first visit before the chunk is in, then the screen', async () => {
    let loads = 0;
    const lazy = lazyScreen(async () => {
      loads += 1;
      return Loaded;
    });
    const { container } = render(<lazy.component />);
    expect(busyArea(container)).not.toBeNull();
    await act(() => lazy.preload());
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(busyArea(container)).toBeNull();
    expect(loads).toBe(1);
  });

  // Suspending would hand the reveal to React's Suspense throttle (300 ms after the fallback).
  it('never suspends: the nearest Suspense fallback is not shown while the chunk loads', async () => {
    const lazy = lazyScreen(async () => Loaded);
    const { container } = render(inSuspense(lazy.component));
    expect(screen.queryByTestId('fallback')).toBeNull();
    expect(busyArea(container)).not.toBeNull();
    await act(() => lazy.preload());
    expect(screen.getByTestId('loaded')).toBeTruthy();
  });

  it('leaves the place empty while loading when it is not a screen (busy: false)', async () => {
    const lazy = lazyScreen(async () => Loaded, { busy: false });
    const { container } = render(<lazy.component />);
    expect(container.innerHTML).toBe('');
    await act(() => lazy.preload());
    expect(screen.getByTestId('loaded')).toBeTruthy();
  });

  it('renders in the same pass, without a busy area, once preloaded (and loads once)', async () => {
    let loads = 0;
    const lazy = lazyScreen(async () => {
      loads += 1;
      return Loaded;
    });
    await lazy.preload();
    await lazy.preload();
    const { container } = render(<lazy.component />);
    expect(busyArea(container)).toBeNull();
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('asks again on the next visit after a failed load', async () => {
    let attempt = 0;
    const lazy = lazyScreen(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return Loaded;
    });
    await expect(lazy.preload()).rejects.toThrow('chunk missing');
    render(<lazy.component />);
    await act(async () => {});
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(attempt).toBe(2);
  });

  it('on view, asks again after a pause, not in a render loop, until the chunk comes', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const lazy = lazyScreen(
        async () => {
          attempts += 1;
          if (attempts < 3) throw new Error('host down');
          return Loaded;
        },
        { retryMs: 1000 },
      );
      const { container } = render(<lazy.component />);
      await act(() => vi.advanceTimersByTimeAsync(999));
      expect(attempts).toBe(1);
      expect(busyArea(container)).not.toBeNull();
      await act(() => vi.advanceTimersByTimeAsync(1));
      expect(attempts).toBe(2);
      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(attempts).toBe(3);
      expect(screen.getByTestId('loaded')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the screen registry', () => {
  it('keeps home in the boot bundle and every other screen in its own chunk', () => {
    const lazy = Object.entries(SCREENS)
      .filter(([, entry]) => entry.preload)
      .map(([name]) => name);
    expect(SCREENS.home.preload).toBeUndefined();
    expect(lazy.sort()).toEqual(
      Object.keys(SCREENS)
        .filter((n) => n !== 'home')
        .sort(),
    );
  });

  it('preloads every screen once told, one per idle period, the nav bar’s first', async () => {
    const loaded: string[] = [];
    const original = Object.entries(SCREENS).map(([name, entry]) => [name, entry.preload] as const);
    for (const [name, preload] of original) {
      if (preload)
        SCREENS[name as keyof typeof SCREENS].preload = () => (loaded.push(name), preload());
    }
    const loadedAtIdle: number[] = [];
    let goLive = () => {};
    const live = new Promise<void>((resolve) => (goLive = resolve));
    try {
      const done = preloadScreens(live, async () => {
        loadedAtIdle.push(loaded.length);
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(loaded).toEqual([]);
      goLive();
      await done;
    } finally {
      for (const [name, preload] of original)
        SCREENS[name as keyof typeof SCREENS].preload = preload;
    }
    const lazy = Object.keys(SCREENS).length - 1;
    // Each idle period comes before the next load: never two loads in one.
    expect(loadedAtIdle).toEqual(Array.from({ length: lazy }, (_, i) => i));
    const nav = Object.entries(SCREENS)
      .filter(([name, e]) => e.inNavBar && name !== 'home')
      .map(([name]) => name);
    expect(loaded.slice(0, nav.length).sort()).toEqual([...nav].sort());
    expect(new Set(loaded).size).toBe(loaded.length);
    expect(loaded).toHaveLength(lazy);
  });
});
