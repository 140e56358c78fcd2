import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LocaleCode } from '../../common/locales.ts';
import { variantSchema } from '../../common/variant.schema.ts';
import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium } from '../e2e/browser.ts';
import { installAudit } from '../e2e/audit/inject.ts';
import { DRIVE, forEachCase, THEMES, type CaseFilter } from '../e2e/audit/matrix.ts';
import { openPanelPage } from '../e2e/audit/panel.ts';
import { auditNow, waitForApp } from '../e2e/audit/pageControl.ts';
import { thresholdsFor } from '../e2e/audit/thresholds.ts';
import { startStack } from '../e2e/stack.ts';
import { connectControl } from '../e2e/vehicleControl.ts';

/**
 * `npm run screenshots`: every registered screen × theme × locale × drive state of a variant (dev
 * unless `--variant` names another), at its panel size, as PNGs under test-results/screenshots/
 * with an index.html to review them side by side. `--screen`, `--state`, `--theme` and `--locale`
 * (comma-separated) take a part of it. Exits non-zero when any shot has text drawn without a glyph.
 */
const { values: args } = parseArgs({
  options: {
    variant: { type: 'string', default: 'dev' },
    screen: { type: 'string' },
    state: { type: 'string' },
    theme: { type: 'string' },
    locale: { type: 'string' },
  },
});
function listArg<T extends string>(flag: string, value: string | undefined, all: readonly T[]) {
  if (value === undefined) return undefined;
  const wanted = value.split(',').map((v) => v.trim());
  const unknown = wanted.filter((v) => !all.includes(v as T));
  if (unknown.length > 0) {
    process.stderr.write(`--${flag}: unknown ${unknown.join(', ')} (one of ${all.join(', ')})\n`);
    process.exit(2);
  }
  return wanted as T[];
}
const variantFile = join(PROJECT_ROOT, 'build/variants', `${args.variant}.json`);
const variant = variantSchema.parse(JSON.parse(readFileSync(variantFile, 'utf8')));
const only: CaseFilter = {
  states: listArg('state', args.state, DRIVE),
  themes: listArg('theme', args.theme, THEMES),
  locales: listArg<LocaleCode>('locale', args.locale, variant.locales),
};
const out = join(PROJECT_ROOT, 'test-results', 'screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const tmp = tempDir('dashport-shots-');
const stack = await startStack(tmp.dir, {
  bridgeArgs: ['--speed-factor', '1'],
  variant: variant.name,
});
const browser = await launchChromium();
const shots: { file: string; screen: string; theme: string; locale: string; state: string }[] = [];
const tofu: string[] = [];
const overflow: string[] = [];
try {
  const vehicle = await connectControl(stack.bridge.url);
  await vehicle.park();
  const { page } = await openPanelPage(browser, hostPageUrl(stack.host), variant.panel);
  const config = await waitForApp(page);
  const registered = await page.evaluate(() => window.dashportTest!.screens);
  const screens = listArg('screen', args.screen, registered) ?? registered;
  await installAudit(page);
  const thresholds = thresholdsFor(config.panel.pxPerInch, config.uxRestrictions.limits);
  await forEachCase(
    page,
    vehicle,
    config,
    screens,
    async ({ screen, theme, locale, state }) => {
      const snap = await auditNow(page, { thresholds, moving: state === 'moving' });
      for (const v of snap.audit.violations.filter((x) => x.check === 'missing-glyph')) {
        tofu.push(`${state} ${theme} ${locale} ${screen}: ${v.element}: ${v.detail ?? ''}`);
      }
      for (const v of snap.audit.violations.filter((x) => x.check === 'main-overflow')) {
        overflow.push(`${state} ${theme} ${locale} ${screen}: ${v.measured}`);
      }
      // A tab's case is named "screen/tab": one file beside the screen's, not a folder.
      const file = `${state}/${theme}/${locale}/${screen.replaceAll('/', '--')}.png`;
      mkdirSync(join(out, state, theme, locale), { recursive: true });
      await page.screenshot({ path: join(out, file) });
      shots.push({ file, screen, theme, locale, state });
    },
    only,
  );
  vehicle.close();
} finally {
  await browser.close();
  await stack.stop();
  tmp.cleanup();
}

const rows = shots
  .map(
    (s) =>
      `<figure><a href="${s.file}"><img src="${s.file}" loading="lazy" alt="${s.screen}"></a>` +
      `<figcaption>${s.screen} · ${s.state} · ${s.theme} · ${s.locale}</figcaption></figure>`,
  )
  .join('\n');
writeFileSync(
  join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Dashport screenshots (${variant.name})</title>
<style>body{font:14px sans-serif;margin:16px}figure{display:inline-block;margin:8px;width:480px}
img{width:100%;border:1px solid #888}</style>
<h1>Dashport ${variant.name}: ${shots.length} screenshots at ${variant.panel.widthPx}×${variant.panel.heightPx}</h1>
${rows}\n`,
);
process.stdout.write(`${shots.length} screenshots in ${join(out, 'index.html')}\n`);
if (overflow.length > 0) {
  process.stderr.write(
    `main region scrolls (the safety audit fails on these):\n${overflow.join('\n')}\n`,
  );
}
if (tofu.length > 0) {
  process.stderr.write(`text drawn without a glyph:\n${tofu.join('\n')}\n`);
  process.exit(1);
}
