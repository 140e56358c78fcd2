import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/devVariant.ts';

const tokens = readFileSync(join(PROJECT_ROOT, 'renderer/ui/tokens.css'), 'utf8');
const appCss = readFileSync(join(PROJECT_ROOT, 'renderer/ui/app.css'), 'utf8');

/** The custom properties of one `:root[data-theme='…']` block. */
function themeColours(theme: string): Record<string, string> {
  const block = new RegExp(`:root\\[data-theme='${theme}'\\]\\s*\\{([^}]*)\\}`).exec(tokens);
  if (!block) throw new Error(`no ${theme} theme in tokens.css`);
  return Object.fromEntries(
    [...block[1]!.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('focus ring', () => {
  it.each(['day', 'night'])(
    'is at least 3:1 against every background of the %s theme (E5)',
    (theme) => {
      const colours = themeColours(theme);
      expect(colours.focus).toMatch(/^#/);
      for (const background of ['bg', 'surface', 'surface-2']) {
        expect(colours[background], background).toMatch(/^#/);
        const ratio = contrast(colours.focus!, colours[background]!);
        expect(
          ratio,
          `${theme} --focus on --${background}: ${ratio.toFixed(2)}`,
        ).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('is drawn in --focus whenever focus was moved by keys or buttons', () => {
    const rule = /:root\[data-input='keys'\] :focus\s*\{([^}]*)\}/.exec(appCss);
    expect(rule, 'app.css keys-focus rule').not.toBeNull();
    expect(rule![1]).toMatch(/outline:[^;]*solid var\(--focus\)/);
  });

  it('checks the contrast formula against known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
