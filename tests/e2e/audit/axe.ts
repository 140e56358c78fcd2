import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { Violation } from './types.ts';

/**
 * axe-core in the page, installed over the DevTools protocol like the audit itself (the app's
 * CSP does not apply to it, and the app's code is untouched).
 */
const AXE_SOURCE = axe.source;

export async function installAxe(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[];
}

/** Every axe violation on the page, one per element, in the audit's shape. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown> } })
      .axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as AxeResult;
  });
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      check: 'axe' as const,
      element: n.target.join(' '),
      measured: v.id,
      limit: `no ${v.impact ?? ''} violation`.replace('  ', ' '),
      detail: v.help,
    })),
  );
}
