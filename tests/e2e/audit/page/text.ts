import type { AuditThresholds, Violation } from '../types.ts';
import { chainOf, contrast, hex, paintedColour, parseColour } from './colour.ts';
import { describe, isShown, round, toMm } from './describe.ts';

const NOT_RENDERED_TEXT = 'script, style, template, noscript, select, option, textarea';

/** The elements that directly hold visible, non-blank text, each once. */
export function collectTextElements(root: Node = document.body): HTMLElement[] {
  const found = new Set<HTMLElement>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || found.has(parent) || !node.textContent?.trim()) continue;
    if (parent.closest(NOT_RENDERED_TEXT) || !isShown(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) found.add(parent);
  }
  return [...found];
}

/** The element's own text (its direct text nodes), whitespace collapsed. */
export function ownText(element: Element): string {
  return [...element.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const glyphCache = new Map<string, number>();
let measureCtx: CanvasRenderingContext2D | null = null;

/**
 * Height of a capital "H" in the element's font, in CSS px: the guideline measures glyph
 * height (canvas actualBoundingBoxAscent), not font-size, since fonts differ in cap height.
 */
export function capHeightPx(style: CSSStyleDeclaration): number {
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  let px = glyphCache.get(font);
  if (px === undefined) {
    measureCtx ??= document.createElement('canvas').getContext('2d');
    if (!measureCtx) throw new Error('no 2D canvas for glyph measurement');
    measureCtx.font = font;
    px = measureCtx.measureText('H').actualBoundingBoxAscent;
    glyphCache.set(font, px);
  }
  return px;
}

export interface TextResult {
  violations: Violation[];
  minGlyphMm: number | null;
  minTextContrast: number | null;
  maxStringLength: number | null;
}

/** E1 glyph height and E4 text contrast for every text holder; C1 string length when asked. */
export function auditText(
  elements: HTMLElement[],
  t: AuditThresholds,
  checkLength: boolean,
): TextResult {
  const violations: Violation[] = [];
  let minGlyphMm: number | null = null;
  let minTextContrast: number | null = null;
  let maxStringLength: number | null = null;
  for (const element of elements) {
    const style = getComputedStyle(element);
    const glyphMm = toMm(capHeightPx(style), t.pxPerInch);
    minGlyphMm = Math.min(minGlyphMm ?? Infinity, glyphMm);
    if (glyphMm < t.glyphMinMm) {
      violations.push({
        check: 'glyph-height',
        element: describe(element),
        measured: round(glyphMm),
        limit: t.glyphMinMm,
        detail: `font ${style.fontSize} ${style.fontFamily.split(',')[0]}`,
      });
    }

    const chain = chainOf(element);
    const ink = paintedColour(chain, parseColour(style.webkitTextFillColor || style.color));
    const ground = paintedColour(chain, null);
    const ratio = contrast(ink.colour, ground.colour);
    minTextContrast = Math.min(minTextContrast ?? Infinity, ratio);
    const uncertain = ink.uncertain ?? ground.uncertain;
    if (uncertain || ratio < t.textContrast) {
      violations.push({
        check: 'text-contrast',
        element: describe(element),
        measured: round(ratio),
        limit: t.textContrast,
        detail: uncertain
          ? `not verifiable: ${uncertain}`
          : `text ${hex(ink.colour)} on ${hex(ground.colour)}`,
      });
    }

    if (checkLength) {
      const length = Array.from(ownText(element)).length;
      maxStringLength = Math.max(maxStringLength ?? 0, length);
      if (length > t.maxStringLength) {
        violations.push({
          check: 'string-length',
          element: describe(element),
          measured: length,
          limit: t.maxStringLength,
        });
      }
    }
  }
  return { violations, minGlyphMm, minTextContrast, maxStringLength };
}
