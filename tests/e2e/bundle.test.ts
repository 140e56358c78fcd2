import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { readLanguageChunks } from '../../electron/host/languageChunks.ts';
import { COMPILE_HINT } from '../../scripts/lib/compileHints.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';

const OUT = join(PROJECT_ROOT, 'out/renderer');
/** DESIGN §10: initial JavaScript, gzip. */
const BUDGET_BYTES = 150 * 1024;

/** Scripts the page loads before first paint: the entry and every module it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...srcs, ...preloads];
}

describe('renderer bundle (built by npm test before this tier)', () => {
  it(`keeps the initial JavaScript within ${BUDGET_BYTES / 1024} KB gzip`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT, f))).length, 0);
    expect(gzipped, `initial JS is ${(gzipped / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      BUDGET_BYTES,
    );
  });

  it('marks the scripts the page loads, and no lazy chunk, for eager compilation', () => {
    const initial = initialScripts();
    const starts = (f: string) => readFileSync(join(OUT, f), 'utf8').startsWith(COMPILE_HINT);
    expect(initial.filter(starts).sort()).toEqual([...initial].sort());
    const lazy = readdirSync(join(OUT, 'assets'))
      .map((f) => `assets/${f}`)
      .filter((f) => f.endsWith('.js') && !initial.includes(f));
    expect(lazy.length).toBeGreaterThan(10);
    expect(lazy.filter(starts)).toEqual([]);
  });

  it('ships no schema library in the initial JavaScript (renderer imports types only)', () => {
    for (const f of initialScripts()) {
      expect(readFileSync(join(OUT, f), 'utf8'), f).not.toMatch(/ZodError|\$ZodType/);
    }
  });

  it("keeps the Chinese face's ~200 @font-face rules out of the stylesheet the page waits for", () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8');
    const blocking = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.\/([^"]+)"/g)];
    expect(blocking.length).toBeGreaterThan(0);
    const chineseRules = (css: string) =>
      css.match(/font-family:\s*["']?Noto Sans SC/g)?.length ?? 0;
    for (const [, file] of blocking) {
      expect(chineseRules(readFileSync(join(OUT, file!), 'utf8')), file).toBe(0);
    }
    const own = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.css'));
    const declared = own.map((f) => chineseRules(readFileSync(join(OUT, 'assets', f), 'utf8')));
    expect(Math.max(...declared)).toBeGreaterThan(100);
  });

  it("names each language's own chunk for the host to preload", async () => {
    const chunks = await readLanguageChunks(OUT);
    expect(Object.keys(chunks).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const german = readFileSync(join(OUT, chunks.de!), 'utf8');
    const chinese = readFileSync(join(OUT, chunks['zh-CN']!), 'utf8');
    // Each holds its own strings only (the settings screen's title in both languages).
    expect(german).toContain('Einstellungen');
    expect(german).not.toContain('设置');
    expect(chinese).toContain('设置');
    expect(chinese).not.toContain('Einstellungen');
  });
});
