/*
 * The UI's own fonts, served from the app's origin: nothing depends on what the unit has
 * installed. unicode-range subsets mean a locale downloads only the glyphs its text uses
 * (Chinese: a few of Noto Sans SC's ~100 slices per weight); a brand face that the variant does
 * not name is declared but never downloaded. The Chinese face is declared by a stylesheet of its
 * own (`loadChineseFace`): before the first frame when the UI speaks Chinese, after the start
 * otherwise (for Chinese in data, such as a merchant's name). font-display: swap shows a
 * fallback at once rather than blank text, and the fallback is metric-matched (fontFallback.ts),
 * so the swap does not move the layout. Imported from script, not @import, so that each file
 * passes through the build's woff2-only transform (electron.vite.config.ts).
 */
// Each weight's whole file: its faces carry their unicode-range. fontsource's one-subset files
// (latin-400.css, ...) have none, so with two of them Chromium took the later (latin-ext) for all
// text, then fetched latin for what latin-ext lacks: two rounds of fetches and relayouts.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import arial from '@capsizecss/metrics/arial';
import arialBold from '@capsizecss/metrics/arial/700';
import inter from '@capsizecss/metrics/inter';
import interBold from '@capsizecss/metrics/inter/700';
import notoSans from '@capsizecss/metrics/notoSans';
import notoSansBold from '@capsizecss/metrics/notoSans/700';
import type { BrandFont } from '../../common/brandFonts.ts';
import {
  fallbackFamily,
  fallbackOverrides,
  fontFamilyList,
  type FontMetrics,
} from './fontFallback.ts';

interface Face {
  family: string;
  regular: FontMetrics;
  bold: FontMetrics;
}

const FACES: Record<BrandFont, Face> = {
  'noto-sans': { family: 'Noto Sans', regular: notoSans, bold: notoSansBold },
  inter: { family: 'Inter', regular: inter, bold: interBold },
};

/**
 * What Debian units commonly have: Liberation Sans, which shares Arial's metrics (so Arial's
 * numbers fit both). A unit with neither skips the matched fallback and uses the next family.
 */
const LOCAL_FALLBACK = {
  regular: {
    sources: "local('Arial'), local('ArialMT'), local('Liberation Sans'), local('LiberationSans')",
    metrics: arial,
  },
  bold: {
    sources:
      "local('Arial Bold'), local('Arial-BoldMT'), local('Liberation Sans Bold'), local('LiberationSans-Bold')",
    metrics: arialBold,
  },
} as const;

/** Declares the matched fallbacks and sets the font-family list for the variant's brand face. */
export function installFonts(root: HTMLElement, brand: BrandFont): void {
  const brandFace = FACES[brand];
  root.style.setProperty('--font-family', fontFamilyList(brandFace.family));
  // Without the Font Loading API (jsdom) there is nothing to match.
  if (typeof FontFace === 'undefined' || !document.fonts) return;
  for (const face of new Set([brandFace, FACES['noto-sans']])) {
    for (const weight of ['regular', 'bold'] as const) {
      const local = LOCAL_FALLBACK[weight];
      const overrides = fallbackOverrides(face[weight], local.metrics);
      // FontFace, not an injected <style>: the CSP allows no inline style, and local() fetches nothing.
      document.fonts.add(
        new FontFace(fallbackFamily(face.family), local.sources, {
          weight: weight === 'bold' ? '700' : '400',
          ...overrides,
        }),
      );
    }
  }
}

let chineseFace: Promise<void> | null = null;

/** Declares Noto Sans SC (its stylesheet loads once); resolves once the rules are in. */
export function loadChineseFace(): Promise<void> {
  chineseFace ??= import('./chineseFace.ts').then(
    () => undefined,
    (error: unknown) => {
      chineseFace = null;
      throw error;
    },
  );
  return chineseFace;
}
