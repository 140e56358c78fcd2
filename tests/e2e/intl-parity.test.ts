import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { launchChromium } from './browser.ts';

/**
 * The renderer writes the clock, fuel and range from each language's own strings, and unit tests
 * hold those strings equal to Intl's output in Node (tests/renderer/quantity-format.test.ts). That
 * proves what the unit shows only if the browser's Intl writes these formats as Node's does: this
 * compares the two, minute by minute and value by value.
 */
function formatsIn(locales: readonly string[]) {
  return locales.map((locale) => {
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const unit = (u: string) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: u, maximumFractionDigits: 0 });
    const [km, mi] = [unit('kilometer'), unit('mile')];
    const out: string[] = [];
    for (let minute = 0; minute < 24 * 60; minute++) {
      out.push(clock.format(new Date(2026, 11, 5, Math.floor(minute / 60), minute % 60)));
    }
    for (let whole = 0; whole < 1000; whole++) {
      out.push(percent.format(whole / 100), km.format(whole), mi.format(whole));
    }
    return out;
  });
}

describe('Intl in Chromium writes what the unit tests check in Node', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(SUPPORTED_LOCALES)('%s: the clock, percents and distances', async (locale) => {
    const page = await browser.newPage();
    try {
      const [inChromium] = await page.evaluate(formatsIn, [locale]);
      const [inNode] = formatsIn([locale]);
      expect(inChromium).toEqual(inNode);
    } finally {
      await page.close();
    }
  });
});
