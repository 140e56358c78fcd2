import type { Violation } from '../types.ts';
import { describe } from './describe.ts';
import { ownText } from './text.ts';

/**
 * Missing glyphs ("tofu"), measured on what is drawn: document.fonts.check() only says whether a
 * face could load, not whether a character has a glyph in any face that did. Each character is
 * drawn in the element's font and compared with a code point no font has (plane 16 private use),
 * which Chromium draws as .notdef: the same ink means the character fell through to .notdef too.
 */
const SIZE = 40;
const WIDTH = SIZE * 3;
const HEIGHT = SIZE * 2;
const NO_FONT_HAS_IT = '\u{10FFFD}';

let ctx: CanvasRenderingContext2D | null = null;
const inkCache = new Map<string, number>();

function ink(font: string, text: string): number {
  const key = `${font}|${text}`;
  const cached = inkCache.get(key);
  if (cached !== undefined) return cached;
  if (!ctx) {
    const canvas = Object.assign(document.createElement('canvas'), {
      width: WIDTH,
      height: HEIGHT,
    });
    ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas for the glyph check');
  }
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  ctx.font = font;
  ctx.fillStyle = '#000';
  ctx.fillText(text, SIZE / 2, SIZE * 1.4);
  // FNV-1a over the alpha channel: equal ink, equal hash.
  const data = ctx.getImageData(0, 0, WIDTH, HEIGHT).data;
  let hash = 0x811c9dc5;
  for (let i = 3; i < data.length; i += 4) hash = Math.imul(hash ^ data[i]!, 0x01000193);
  inkCache.set(key, hash >>> 0);
  return hash >>> 0;
}

export function auditGlyphs(elements: HTMLElement[]): { checked: number; violations: Violation[] } {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const element of elements) {
    const style = getComputedStyle(element);
    const font = `${style.fontStyle} ${style.fontWeight} ${SIZE}px ${style.fontFamily}`;
    const notdef = ink(font, NO_FONT_HAS_IT);
    const chars = [...new Set(ownText(element))].filter((c) => /\S/u.test(c));
    const missing = chars.filter((c) => ink(font, c) === notdef);
    for (const c of chars) seen.add(c);
    if (missing.length > 0) {
      violations.push({
        check: 'missing-glyph',
        element: describe(element),
        measured: missing.slice(0, 12).join(''),
        limit: 'a glyph for every character',
        detail: missing
          .slice(0, 12)
          .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
          .join(' '),
      });
    }
  }
  return { checked: seen.size, violations };
}
