import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, type Rollup } from 'vite';

/**
 * Page-side measuring code is ordinary TypeScript modules; this bundles one entry into a single
 * script and installs it under a window global. page.evaluate runs over the DevTools protocol,
 * so the app's CSP (script-src 'self') does not block it, and the app's own code is untouched.
 */

const bundles = new Map<string, Promise<string>>();

export function bundleForPage(entry: string, globalName: string): Promise<string> {
  const key = `${entry}|${globalName}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = (async () => {
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        root: join(entry, '..'),
        build: {
          write: false,
          minify: false,
          target: 'es2023',
          lib: { entry, formats: ['iife'], name: globalName },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunk = outputs[0]?.output[0];
      if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${entry} gave no script`);
      return `${chunk.code}\nwindow.${globalName} = ${globalName};`;
    })();
    bundles.set(key, bundle);
  }
  return bundle;
}

export const AUDIT_ENTRY = join(import.meta.dirname, 'page', 'index.ts');
export const AUDIT_GLOBAL = '__dashportAudit';

/** Installs the audit in the page as window.__dashportAudit (see page/index.ts). */
export async function installAudit(page: Page): Promise<void> {
  await page.evaluate(await bundleForPage(AUDIT_ENTRY, AUDIT_GLOBAL));
}

/**
 * Adds CSS to the running page as a constructed stylesheet (CSSOM, which the app's CSP
 * permits, unlike an inline <style>) and returns its removal.
 */
export async function injectCss(page: Page, css: string): Promise<() => Promise<void>> {
  const handle = await page.evaluateHandle((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return sheet;
  }, css);
  return async () => {
    await page.evaluate((sheet) => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }, handle);
    await handle.dispose();
  };
}
