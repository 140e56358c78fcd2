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

describe('lazyScreen: a screen in its own chunk', () => {
  it('shows the fallback on a first visit before the chunk is in, then the screen', async () => {
    let loads = 0;
    const lazy = lazyScreen(async () => {
      loads += 1;
      return Loaded;
    });
    render(inSuspense(lazy.component));
    expect(screen.getByTestId('fallback')).toBeTruthy();
    await act(() => lazy.preload());
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(screen.queryByTestId('fallback')).toBeNull();
    expect(loads).toBe(1);
  });

  it('renders in the same pass, without a fallback, once preloaded (and loads once)', async () => {
    let loads = 0;
    const lazy = lazyScreen(async () => {
      loads += 1;
      return Loaded;
    });
    await lazy.preload();
    await lazy.preload();
    render(inSuspense(lazy.component));
    expect(screen.queryByTestId('fallback')).toBeNull();
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('asks again after a failed load', async () => {
    let attempt = 0;
    const lazy = lazyScreen(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('chunk missing');
      return Loaded;
    });
    await expect(lazy.preload()).rejects.toThrow('chunk missing');
    await act(() => lazy.preload());
    render(inSuspense(lazy.component));
    expect(screen.getByTestId('loaded')).toBeTruthy();
    expect(attempt).toBe(2);
  });

  it('on view, asks again after a pause, not in a render loop, until the chunk comes', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const lazy = lazyScreen(async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('host down');
        return Loaded;
      }, 1000);
      render(inSuspense(lazy.component));
      await act(() => vi.advanceTimersByTimeAsync(999));
      expect(attempts).toBe(1);
      expect(screen.getByTestId('fallback')).toBeTruthy();
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

  it('preloads the nav bar’s screens together once told, then each other one after an idle period', async () => {
    const loaded: string[] = [];
    const original = Object.entries(SCREENS).map(([name, entry]) => [name, entry.preload] as const);
    for (const [name, preload] of original) {
      if (preload)
        SCREENS[name as keyof typeof SCREENS].preload = () => (loaded.push(name), preload());
    }
    let idles = 0;
    let goLive = () => {};
    const live = new Promise<void>((resolve) => (goLive = resolve));
    try {
      const done = preloadScreens(live, async () => {
        idles += 1;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(loaded).toEqual([]);
      goLive();
      await done;
    } finally {
      for (const [name, preload] of original)
        SCREENS[name as keyof typeof SCREENS].preload = preload;
    }
    const nav = Object.entries(SCREENS)
      .filter(([name, e]) => e.inNavBar && name !== 'home')
      .map(([name]) => name);
    expect(idles).toBe(Object.keys(SCREENS).length - 1 - nav.length);
    expect(loaded.slice(0, nav.length).sort()).toEqual([...nav].sort());
    expect(new Set(loaded).size).toBe(loaded.length);
    expect(loaded).toHaveLength(Object.keys(SCREENS).length - 1);
  });
});
