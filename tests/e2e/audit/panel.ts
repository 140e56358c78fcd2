import type { Browser, Page } from 'playwright-core';
import type { Variant } from '../../../common/variant.schema.ts';

/**
 * A page the size of the variant's panel at device pixel ratio 1, so CSS px map to panel
 * pixels and mm = px / pxPerInch x 25.4. Console errors are collected for the test to assert.
 */
export async function openPanelPage(
  browser: Browser,
  url: string,
  panel: Variant['panel'],
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: panel.widthPx, height: panel.heightPx },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  return { page, errors };
}
