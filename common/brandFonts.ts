/**
 * The typefaces a variant may name as its brand font (`brand.font`). Each is bundled with the app
 * (renderer/ui/fonts.ts) with its metrics for a metric-matched fallback: a unit never depends on
 * the fonts it has installed, and a name outside this list is refused when the variant is read.
 */
export const BRAND_FONTS = ['noto-sans', 'inter'] as const;
export type BrandFont = (typeof BRAND_FONTS)[number];
