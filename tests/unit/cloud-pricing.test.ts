import { describe, expect, it } from 'vitest';
import {
  divRoundHalfUp,
  lineTotalMinor,
  minorDigits,
  minorToMajor,
  MoneyError,
  priceOrder,
  sumMinor,
  unitPriceMinor,
} from '../../common/money.ts';

describe('pricing in minor units', () => {
  it('prices a unit as base plus option deltas, and a line as unit × quantity', () => {
    expect(unitPriceMinor(525, [120, 70])).toBe(715);
    expect(unitPriceMinor(1195, [250, -100])).toBe(1345);
    expect(lineTotalMinor(715, 3)).toBe(2145);
  });

  it('adds US sales tax on top, once on the subtotal, rounded half up', () => {
    // 2 × (5.25 + 1.20 + 0.70) + 3.75 = 18.05; 8.63 % of it is 1.557715 → 1.56
    const p = priceOrder(
      [
        { baseMinor: 525, optionDeltasMinor: [120, 70], quantity: 2 },
        { baseMinor: 375, optionDeltasMinor: [], quantity: 1 },
      ],
      { rateBp: 863, included: false },
    );
    expect(p).toEqual({
      lines: [
        { unitPriceMinor: 715, lineTotalMinor: 1430 },
        { unitPriceMinor: 375, lineTotalMinor: 375 },
      ],
      subtotalMinor: 1805,
      taxMinor: 156,
      totalMinor: 1961,
    });
  });

  it('extracts included VAT without changing the total', () => {
    // 4.80 € with 19 % VAT inside: 4.80 × 19 / 119 = 0.7663 → 0.77
    const p = priceOrder([{ baseMinor: 390, optionDeltasMinor: [90], quantity: 1 }], {
      rateBp: 1900,
      included: true,
    });
    expect(p).toMatchObject({ subtotalMinor: 480, taxMinor: 77, totalMinor: 480 });
  });

  it('has no tax by default and handles free items', () => {
    expect(priceOrder([{ baseMinor: 0, optionDeltasMinor: [], quantity: 1 }])).toEqual({
      lines: [{ unitPriceMinor: 0, lineTotalMinor: 0 }],
      subtotalMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
    });
  });

  it('stays exact where binary fractions would not (0.1 + 0.2)', () => {
    const p = priceOrder(
      [
        { baseMinor: 10, optionDeltasMinor: [], quantity: 1 },
        { baseMinor: 20, optionDeltasMinor: [], quantity: 1 },
      ],
      { rateBp: 0, included: false },
    );
    expect(p.totalMinor).toBe(30);
    expect(Number.isInteger(p.totalMinor)).toBe(true);
    // 1,000 lines of 0.01 sum to exactly 10.00
    expect(sumMinor(Array.from({ length: 1000 }, () => 1))).toBe(1000);
  });

  it('rounds halves up and everything else to the nearest', () => {
    expect(divRoundHalfUp(5, 10)).toBe(1);
    expect(divRoundHalfUp(4, 10)).toBe(0);
    expect(divRoundHalfUp(15, 10)).toBe(2);
    expect(divRoundHalfUp(149, 100)).toBe(1);
    expect(divRoundHalfUp(0, 7)).toBe(0);
  });

  it('refuses what cannot be a price', () => {
    expect(() => unitPriceMinor(100, [-200])).toThrow(MoneyError);
    expect(() => unitPriceMinor(1.5, [])).toThrow(MoneyError);
    expect(() => lineTotalMinor(100, 0)).toThrow(MoneyError);
    expect(() => lineTotalMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
    expect(() => priceOrder([], { rateBp: -1, included: false })).toThrow(MoneyError);
  });

  it('knows minor-unit digits for display', () => {
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorToMajor(1961, 'USD')).toBe(19.61);
    expect(minorToMajor(2800, 'CNY')).toBe(28);
  });
});
