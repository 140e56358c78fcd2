import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../support/devVariant.ts';

export interface FaceMatch {
  family: string;
  weight: number;
  /** Width of the UI's own text in the matched fallback ÷ in the bundled face. */
  width: number;
  /** The same in the unit's font without the overrides: what the swap would move by. */
  rawWidth: number;
  /** Ascent + descent (the line box) in the matched fallback ÷ in the bundled face. */
  height: number;
}

/** The UI's Latin strings (every en and de namespace): the text the fallback stands in for. */
function latinSample(): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value.replace(/\{\{[^}]*\}\}/g, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const locale of ['en', 'de']) {
    const dir = join(PROJECT_ROOT, 'locales', locale);
    for (const file of readdirSync(dir)) walk(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return texts.join(' ');
}

/**
 * How closely each bundled face's metric-matched fallback (installFonts) takes its room, measured
 * with the page's own fonts on a canvas: `local` is the unit's font the fallback is built on.
 */
export function measureFaceMatch(
  page: Page,
  families: string[],
  local: string,
): Promise<FaceMatch[]> {
  return page.evaluate(
    async ({ families, local, sample }) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const measure = (font: string) => {
        ctx.font = font;
        const m = ctx.measureText(sample);
        return { width: m.width, height: m.fontBoundingBoxAscent + m.fontBoundingBoxDescent };
      };
      const out = [];
      for (const family of families) {
        for (const weight of [400, 700]) {
          const font = (f: string) => `${weight} 40px "${f}"`;
          await document.fonts.load(font(family), sample);
          await document.fonts.load(font(`${family} Fallback`), sample);
          if (!document.fonts.check(font(family), sample)) throw new Error(`${family} not loaded`);
          const bundled = measure(font(family));
          const matched = measure(font(`${family} Fallback`));
          const raw = measure(font(local));
          out.push({
            family,
            weight,
            width: matched.width / bundled.width,
            rawWidth: raw.width / bundled.width,
            height: matched.height / bundled.height,
          });
        }
      }
      return out;
    },
    { families, local, sample: latinSample() },
  );
}
