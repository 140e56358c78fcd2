import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createNavSlice, MAX_STACK_DEPTH, type NavSlice } from '../../renderer/store/navSlice.ts';
import { pxPerMm, resolveTheme } from '../../renderer/ui/theme.ts';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { formatDistance, formatSpeedNumber, gearKey } from '../../renderer/ui/format.ts';

describe('screen stack', () => {
  const make = () =>
    createStore<NavSlice>()((...a) => createNavSlice(...(a as Parameters<typeof createNavSlice>)));

  it('pushes, ignores a repeat of the top, pops to home and no further', () => {
    const nav = make();
    nav.getState().push({ name: 'settings' });
    nav.getState().push({ name: 'settings' });
    expect(nav.getState().stack.map((s) => s.name)).toEqual(['home', 'settings']);
    nav.getState().pop();
    nav.getState().pop();
    expect(nav.getState().stack.map((s) => s.name)).toEqual(['home']);
  });

  it(`never grows beyond ${MAX_STACK_DEPTH} screens and keeps the root`, () => {
    const nav = make();
    for (let i = 0; i < 12; i++) nav.getState().push({ name: i % 2 ? 'home' : 'settings' });
    expect(nav.getState().stack).toHaveLength(MAX_STACK_DEPTH);
    expect(nav.getState().stack[0]).toEqual({ name: 'home' });
  });
});

describe('theme and units', () => {
  it.each([
    ['auto', 'NIGHT', 'night'],
    ['auto', 'DAY', 'day'],
    ['auto', undefined, 'day'],
    ['day', 'NIGHT', 'day'],
    ['night', 'DAY', 'night'],
  ] as const)('mode %s with car %s is %s', (mode, car, theme) => {
    expect(resolveTheme(mode, car)).toBe(theme);
  });

  it('converts the panel density to CSS px per mm', () => {
    expect(pxPerMm(254, 1)).toBeCloseTo(10);
    expect(pxPerMm(254, 2)).toBeCloseTo(5);
  });

  it('labels gears the VSS way', () => {
    expect([126, 127, 0, -1, 3].map(gearKey)).toEqual([
      'park',
      'drive',
      'neutral',
      'reverse',
      'forward',
    ]);
  });

  it.each(SUPPORTED_LOCALES)(
    'writes every speed the readout can show as Intl does in %s, without asking Intl below 1000',
    (locale) => {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      for (let tenths = 0; tenths <= 10_010; tenths++) {
        const kmh = tenths / 10;
        expect(formatSpeedNumber(kmh, 'km', locale)).toBe(intl.format(kmh));
      }
      for (const kmh of [0.5, 1.5, 2.5, 999.49, 999.5, 1234.4, 160.9344]) {
        expect(formatSpeedNumber(kmh, 'mi', locale)).toBe(intl.format(kmh / 1.609344));
      }
      expect(formatSpeedNumber(-3, 'km', locale)).toBe('0');
    },
  );

  it('formats in the active language', () => {
    expect(formatDistance(1_500_000, 'km', 'de')).toBe('1.500 km');
  });
});
