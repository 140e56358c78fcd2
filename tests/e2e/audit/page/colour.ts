/**
 * Colours as the page paints them: parsing any CSS colour, compositing the layers under a
 * pixel (ancestor backgrounds, group opacity) and the WCAG contrast ratio.
 */

/** Straight (not premultiplied) sRGB, channels 0..1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
/** What is under the root: the browser's canvas is white when nothing paints it. */
const CANVAS: Rgba = { r: 1, g: 1, b: 1, a: 1 };

const cache = new Map<string, Rgba>();
let scratch: CanvasRenderingContext2D | null = null;

/** Computed colours are rgb()/rgba() in Chromium; anything else (oklch, color()) goes through a canvas. */
export function parseColour(css: string): Rgba {
  const hit = cache.get(css);
  if (hit) return hit;
  let colour: Rgba;
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    css,
  );
  if (m) {
    const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
    colour = { r: +m[1]! / 255, g: +m[2]! / 255, b: +m[3]! / 255, a: alpha };
  } else if (css === 'transparent' || css === '') {
    colour = TRANSPARENT;
  } else {
    scratch ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!scratch) throw new Error('no 2D canvas for colour parsing');
    scratch.clearRect(0, 0, 1, 1);
    scratch.fillStyle = css;
    scratch.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = scratch.getImageData(0, 0, 1, 1).data;
    colour = { r: r! / 255, g: g! / 255, b: b! / 255, a: a! / 255 };
  }
  cache.set(css, colour);
  return colour;
}

/** Porter-Duff source-over of straight-alpha colours. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return TRANSPARENT;
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

export interface Painted {
  colour: Rgba;
  /** Set when a layer that shows through is an image or a filter, so the colour is not known. */
  uncertain?: string;
}

/** The element and its ancestors, root first. */
export function chainOf(element: Element): Element[] {
  const chain: Element[] = [];
  for (let e: Element | null = element; e; e = e.parentElement) chain.push(e);
  return chain.reverse();
}

/**
 * The colour of one pixel painted by `chain` (root first) with `top` drawn above the last
 * element's background (text, a border). Each element's background goes under what is inside
 * it, and its opacity fades the whole group, as the browser composites it. Assumes each
 * ancestor's box covers the pixel (true for in-flow content; a positioned element that escapes
 * its ancestors would need a hit test).
 */
export function paintedColour(chain: readonly Element[], top: Rgba | null): Painted {
  let colour = top ?? TRANSPARENT;
  let uncertain: string | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const style = getComputedStyle(chain[i]!);
    // An image under the pixel matters only where what is above it lets it through; a filter
    // or blend mode changes the whole group whatever its alpha.
    if (colour.a < 1 && style.backgroundImage !== 'none') uncertain ??= 'background image';
    if (style.filter !== 'none' || style.backdropFilter !== 'none') uncertain ??= 'filter';
    if (style.mixBlendMode !== 'normal') uncertain ??= 'blend mode';
    colour = over(colour, parseColour(style.backgroundColor));
    const opacity = parseFloat(style.opacity);
    if (opacity < 1) colour = { ...colour, a: colour.a * opacity };
  }
  return uncertain ? { colour: over(colour, CANVAS), uncertain } : { colour: over(colour, CANVAS) };
}

function channel(c: number): number {
  // Quantised to 8 bits first: that is what reaches the panel.
  const v = Math.round(c * 255) / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

export function luminance(c: Rgba): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1..21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function hex(c: Rgba): string {
  const h = (v: number) =>
    Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}
