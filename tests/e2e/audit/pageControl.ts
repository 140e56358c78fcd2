import type { Page } from 'playwright-core';
import type { DriveState } from '../../../common/drive/driveState.ts';
import type { PublicVariantConfig } from '../../../common/hostApi/contract.schema.ts';
import type { LocaleCode, ThemeMode } from '../../../common/locales.ts';
import type { Screen } from '../../../renderer/store/navSlice.ts';
import type { AuditRequest, PageAudit } from './types.ts';

/**
 * The app's state switched in place through its own store (window.dashportTest, present when
 * the host runs with --test-hooks), each step waiting for the page to show the result.
 */

const WAIT = { timeout: 20_000 };

export async function waitForApp(page: Page): Promise<PublicVariantConfig> {
  await page.waitForFunction(() => window.dashportTest !== undefined, undefined, WAIT);
  return page.evaluate(() => window.dashportTest!.store.getState().config);
}

export async function setTheme(page: Page, theme: Exclude<ThemeMode, 'auto'>): Promise<void> {
  await page.evaluate(
    (themeMode) => window.dashportTest!.store.getState().updateSettings({ themeMode }),
    theme,
  );
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme, WAIT);
}

export async function setLocale(page: Page, language: LocaleCode): Promise<void> {
  await page.evaluate(
    (lng) => window.dashportTest!.store.getState().updateSettings({ language: lng }),
    language,
  );
  await page.waitForFunction((lng) => document.documentElement.lang === lng, language, WAIT);
}

export async function showScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(
    (screen) => window.dashportTest!.store.getState().reset({ name: screen } as Screen),
    name,
  );
  await page.waitForFunction(
    (screen) => document.querySelector(`main[data-screen="${screen}"]`) !== null,
    name,
    WAIT,
  );
}

export async function waitForDriveState(page: Page, state: DriveState): Promise<void> {
  await page.waitForFunction(
    (s) => window.dashportTest!.store.getState().driveState === s,
    state,
    WAIT,
  );
}

export interface PageSnapshot {
  driveState: DriveState;
  uxFlags: number;
  view: 'screen' | 'gate';
  settleMs: number;
  audit: PageAudit;
}

/** Waits for the page to stop changing, then audits it, recording the state it audited. */
export function auditNow(page: Page, request: AuditRequest): Promise<PageSnapshot> {
  return page.evaluate(async (req) => {
    const api = window.__dashportAudit;
    if (!api) throw new Error('audit not installed');
    const settleMs = await api.settle();
    const state = window.dashportTest!.store.getState();
    return {
      driveState: state.driveState,
      uxFlags: state.uxFlags,
      view: document.querySelector('[data-testid="screen-gate"]') ? 'gate' : 'screen',
      settleMs: Math.round(settleMs),
      audit: api.run(req),
    } as const;
  }, request);
}
