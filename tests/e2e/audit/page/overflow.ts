import type { Violation } from '../types.ts';
import { describe } from './describe.ts';

/**
 * Fit the panel: the screen's main region must show all of itself without scrolling (a driver
 * does not scroll, and content scrolled under the nav bar is content not seen). Long content is
 * paged or split into tabs instead.
 */
export function auditOverflow(): { checked: number; violations: Violation[] } {
  const main = document.querySelector<HTMLElement>('main');
  if (!main) return { checked: 0, violations: [] };
  const overY = main.scrollHeight - main.clientHeight;
  const overX = main.scrollWidth - main.clientWidth;
  const violations: Violation[] = [];
  // One pixel of slack for sub-pixel layout.
  if (overY > 1 || overX > 1) {
    violations.push({
      check: 'main-overflow',
      element: describe(main),
      measured: `${Math.max(overY, 0)} px below, ${Math.max(overX, 0)} px beside`,
      limit: 'no scrolling',
    });
  }
  return { checked: 1, violations };
}
