import type { ThemeMode } from '../../common/locales.ts';
import type { PublicVariantConfig } from '../../common/hostApi/contract.schema.ts';

export type Theme = 'day' | 'night';

/** Manual choice wins; auto follows the car's DayNightMode and defaults to day when unknown. */
export function resolveTheme(mode: ThemeMode, carMode: unknown): Theme {
  if (mode !== 'auto') return mode;
  return carMode === 'NIGHT' ? 'night' : 'day';
}

/** CSS px per physical millimetre on the variant's panel (see guidelines: mm = px x dpr / ppi x 25.4). */
export function pxPerMm(pxPerInch: number, devicePixelRatio: number): number {
  return pxPerInch / 25.4 / (devicePixelRatio || 1);
}

export function applyVariantTokens(
  root: HTMLElement,
  config: PublicVariantConfig,
  dpr: number,
): void {
  root.style.setProperty('--px-per-mm', pxPerMm(config.panel.pxPerInch, dpr).toFixed(4));
  root.style.setProperty('--brand-primary', config.brand.colors.primary);
  root.style.setProperty('--brand-on-primary', config.brand.colors.onPrimary);
  root.style.setProperty('--brand-accent', config.brand.colors.accent);
  // Layouts that need a denser form on a short panel select on this (CSS, not measurements).
  root.dataset.panel = panelHeightClass(config.panel);
}

/** Below this panel height a home card has room for two actions, not three (92 mm at 1280×480, 133 ppi). */
const SHORT_PANEL_MM = 100;

/** A short panel leaves about 60 mm between the status and nav bars: room for one card row. */
export function panelHeightClass(panel: PublicVariantConfig['panel']): 'short' | 'tall' {
  const heightMm = (panel.heightPx / panel.pxPerInch) * 25.4;
  return heightMm < SHORT_PANEL_MM ? 'short' : 'tall';
}

/**
 * How many actions (favourites, places) a home card lists on this panel: as many as fit under a
 * card title between the status and nav bars at the guideline target size, never a scroll.
 */
export function homeCardActions(panel: PublicVariantConfig['panel']): number {
  return panelHeightClass(panel) === 'short' ? 2 : 3;
}
