import type { Page } from 'playwright-core';
import type { PublicVariantConfig } from '../../../common/hostApi/contract.schema.ts';
import type { LocaleCode } from '../../../common/locales.ts';
import type { Screen } from '../../../renderer/store/navSlice.ts';
import { auditNow, setLocale, setTheme, showScreen, waitForDriveState } from './pageControl.ts';
import { thresholdsFor } from './thresholds.ts';
import { axeViolations } from './axe.ts';
import type { AuditThresholds, CheckId, Margins, PageAudit, Violation } from './types.ts';
import type { VehicleControl } from '../vehicleControl.ts';
import { ENGINEERING_PIN } from '../../support/devVariant.ts';

export const THEMES = ['day', 'night'] as const;
export const DRIVE = ['parked', 'moving'] as const;
/** A steady cruising speed, well inside MOVING whatever the band. */
export const MOVING_KMH = 50;

export interface AuditCase {
  screen: string;
  theme: (typeof THEMES)[number];
  locale: LocaleCode;
  state: (typeof DRIVE)[number];
}

/** A part of the matrix (for a reviewer who wants one screen, say); everything when absent. */
export interface CaseFilter {
  states?: readonly AuditCase['state'][];
  themes?: readonly AuditCase['theme'][];
  locales?: readonly LocaleCode[];
}

export interface CaseResult extends AuditCase {
  /** What the moving car showed: the screen itself, or its "available when parked" gate. */
  view: 'screen' | 'gate';
  driveState: string;
  uxFlags: number;
  settleMs: number;
  checked: PageAudit['checked'];
  margins: Margins;
  violations: Violation[];
}

export interface AuditReport {
  generatedAt: string;
  variant: string;
  panel: PublicVariantConfig['panel'] & { devicePixelRatio: number };
  thresholds: AuditThresholds;
  screens: string[];
  locales: LocaleCode[];
  durationMs: number;
  cases: CaseResult[];
  summary: {
    cases: number;
    violations: number;
    byCheck: Partial<Record<CheckId, number>>;
    /** The tightest value over all cases. */
    margins: Margins;
  };
}

/**
 * Visits every registered screen x theme x locale x drive state, switched in place on one page
 * (drive state outermost: it is the one that goes through the bridge), each screen loaded and
 * opened with its example parameters when it has some. The audit and the screenshots walk it.
 */
export async function forEachCase(
  page: Page,
  vehicle: VehicleControl,
  config: PublicVariantConfig,
  screens: string[],
  visit: (c: AuditCase) => Promise<void>,
  only: CaseFilter = {},
): Promise<void> {
  // Screens that show more with parameters (a seeded merchant's menu) are audited with them.
  const auditParams = await page.evaluate(() => window.dashportTest!.auditParams ?? {});
  // The engineering screen's host-side tabs need the session its PIN opens.
  if (auditParams.engineering) {
    const { session } = await page.evaluate(
      (pin) => window.dashportTest!.host.call('engineering.unlock', { pin }),
      ENGINEERING_PIN,
    );
    if (session === null) throw new Error('audit: the engineering PIN was refused');
    auditParams.engineering = { name: 'engineering', unlocked: true, session };
  }
  const keep = <T>(all: readonly T[], wanted: readonly T[] | undefined) =>
    wanted ? all.filter((x) => wanted.includes(x)) : all;
  for (const state of keep(DRIVE, only.states)) {
    if (state === 'parked') await vehicle.park();
    else await vehicle.drive(MOVING_KMH);
    await waitForDriveState(page, state === 'parked' ? 'PARKED' : 'MOVING');
    for (const theme of keep(THEMES, only.themes)) {
      await setTheme(page, theme);
      for (const locale of keep(config.locales, only.locales)) {
        await setLocale(page, locale);
        for (const screen of screens) {
          await openScreen(page, screen, auditParams[screen]);
          await visit({ screen, theme, locale, state });
          // A screen in tabs is audited on every tab: "engineering/engineering-tabs-log".
          for (const tab of await otherTabs(page)) {
            await page.getByTestId(tab).click();
            await whenLoaded(page);
            await visit({ screen: `${screen}/${tab}`, theme, locale, state });
          }
        }
      }
    }
  }
}

/** Every case of forEachCase, audited: the safety checks everywhere, axe once per language. */
export async function runMatrix(
  page: Page,
  vehicle: VehicleControl,
  config: PublicVariantConfig,
  screens: string[],
): Promise<AuditReport> {
  const started = Date.now();
  const thresholds = thresholdsFor(config.panel.pxPerInch, config.uxRestrictions.limits);
  const cases: CaseResult[] = [];
  await forEachCase(page, vehicle, config, screens, async ({ screen, theme, locale, state }) => {
    const snap = await auditNow(page, { thresholds, moving: state === 'moving' });
    // axe's rules do not depend on the language: once per screen, theme and state.
    if (locale === config.locales[0]) {
      snap.audit.violations.push(...(await axeViolations(page)));
      snap.audit.checked.axe = 1;
    }
    cases.push({
      screen,
      theme,
      locale,
      state,
      view: snap.view,
      driveState: snap.driveState,
      uxFlags: snap.uxFlags,
      settleMs: snap.settleMs,
      checked: snap.audit.checked,
      margins: snap.audit.margins,
      violations: snap.audit.violations,
    });
  });
  return {
    generatedAt: new Date().toISOString(),
    variant: config.name,
    panel: {
      ...config.panel,
      devicePixelRatio: await page.evaluate(() => window.devicePixelRatio),
    },
    thresholds,
    screens,
    locales: config.locales,
    durationMs: Date.now() - started,
    cases,
    summary: summarise(cases),
  };
}

const WAIT = { timeout: 20_000 };

/**
 * Opens a screen by name, or with its example parameters, and waits until it has loaded what it
 * shows (screens mark themselves aria-busy meanwhile): an audit of a half-loaded screen proves little.
 */
async function openScreen(page: Page, name: string, params: Screen | undefined): Promise<void> {
  if (params) {
    await page.evaluate((screen) => window.dashportTest!.store.getState().reset(screen), params);
    await page.waitForFunction(
      (n) => document.querySelector(`main[data-screen="${n}"]`) !== null,
      name,
      WAIT,
    );
  } else {
    await showScreen(page, name);
  }
  await whenLoaded(page);
}

async function whenLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('main [aria-busy="true"]') === null,
    undefined,
    WAIT,
  );
}

/** The test ids of the tabs of the open screen other than the one shown, in order. */
function otherTabs(page: Page): Promise<string[]> {
  return page
    .locator('main [role="tablist"] [role="tab"][aria-selected="false"]')
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid') ?? ''));
}

function summarise(cases: CaseResult[]): AuditReport['summary'] {
  const byCheck: Partial<Record<CheckId, number>> = {};
  for (const v of cases.flatMap((c) => c.violations))
    byCheck[v.check] = (byCheck[v.check] ?? 0) + 1;
  const pick = (key: keyof Margins, fold: (a: number, b: number) => number) => {
    const values = cases.map((c) => c.margins[key]).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => fold(a, b)) : null;
  };
  return {
    cases: cases.length,
    violations: cases.reduce((n, c) => n + c.violations.length, 0),
    byCheck,
    margins: {
      minTargetMm: pick('minTargetMm', Math.min),
      minPrimaryMm: pick('minPrimaryMm', Math.min),
      minGlyphMm: pick('minGlyphMm', Math.min),
      minTextContrast: pick('minTextContrast', Math.min),
      minControlContrast: pick('minControlContrast', Math.min),
      maxListRows: pick('maxListRows', Math.max),
      maxStringLength: pick('maxStringLength', Math.max),
    },
  };
}

/** One line per violation, for the failure message. */
export function violationLines(cases: CaseResult[]): string[] {
  return cases.flatMap((c) =>
    c.violations.map(
      (v) =>
        `${c.screen} (${c.view}) ${c.theme} ${c.locale} ${c.state}: ${v.check} ${v.element}: ` +
        `${v.measured} (limit ${v.limit})${v.detail ? `; ${v.detail}` : ''}`,
    ),
  );
}
