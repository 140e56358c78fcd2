import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { newHeadUnitContext, openPageIn, type HeadUnitPage } from '../bench/headUnit.ts';
import { serveFolder } from '../bench/staticServer.ts';
import { devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium } from './browser.ts';

export interface ProbeSite {
  readonly browser: Browser;
  /** The served folder's root URL. */
  readonly url: string;
  /**
   * Opens `path` as the bench opens a page: throttled, at the panel's size, probe installed;
   * `prepare` runs on its CDP session before it loads.
   */
  open(path?: string, prepare?: (cdp: CDPSession) => Promise<unknown>): Promise<HeadUnitPage>;
}

/**
 * For a describe block testing the bench's probe: `pages` (file name to HTML) served on loopback
 * and a real Chromium, both there for the block's tests and gone after them.
 */
export function useProbeSite(pages: Record<string, string>): ProbeSite {
  const tmp = tempDir('dashport-probe-site-');
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveFolder>> | undefined;
  beforeAll(async () => {
    for (const [name, html] of Object.entries(pages)) writeFileSync(join(tmp.dir, name), html);
    [browser, site] = await Promise.all([launchChromium(), serveFolder(tmp.dir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    tmp.cleanup();
  });
  const ready = () => {
    if (!browser || !site) throw new Error('useProbeSite: used outside its describe block');
    return { browser, site };
  };
  return {
    get browser() {
      return ready().browser;
    },
    get url() {
      return ready().site.url;
    },
    async open(path = '/', prepare) {
      const { browser, site } = ready();
      const context = await newHeadUnitContext(browser, devVariant().panel);
      return openPageIn(context, new URL(path, site.url).href, prepare);
    },
  };
}
