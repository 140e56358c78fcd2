import type { AuditThresholds, Violation } from '../types.ts';
import { chainOf, contrast, hex, paintedColour, parseColour, type Rgba } from './colour.ts';
import { describe, isShown, round, toMm, visibleRect } from './describe.ts';

/** Everything a finger can act on (the brief's list; tabindex counts only when >= 0). */
const TARGET_SELECTOR =
  'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]';

export function collectTargets(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TARGET_SELECTOR)].filter((element) => {
    if (element.closest('[inert]')) return false;
    const viaTabindexOnly = !element.matches(TARGET_SELECTOR.replace(', [tabindex]', ''));
    if (viaTabindexOnly && element.tabIndex < 0) return false;
    return isShown(element);
  });
}

export interface TargetResult {
  violations: Violation[];
  minTargetMm: number | null;
  minPrimaryMm: number | null;
  minControlContrast: number | null;
}

/**
 * D1, D5: full size in both dimensions (a control scrolled half out of view is still that big);
 * D2: no overlap of what can be hit; E5: the control stands out from its surroundings.
 */
export function auditTargets(targets: HTMLElement[], t: AuditThresholds): TargetResult {
  const violations: Violation[] = [];
  let minTargetMm: number | null = null;
  let minPrimaryMm: number | null = null;
  let minControlContrast: number | null = null;
  const rects = targets.map((target) => target.getBoundingClientRect());
  const hitAreas = targets.map(visibleRect);

  targets.forEach((target, i) => {
    const rect = rects[i]!;
    const w = toMm(rect.width, t.pxPerInch);
    const h = toMm(rect.height, t.pxPerInch);
    const smallest = Math.min(w, h);
    const primary = target.classList.contains('button--primary');
    const limit = primary ? t.primaryMinMm : t.targetMinMm;
    if (primary) minPrimaryMm = Math.min(minPrimaryMm ?? Infinity, smallest);
    else minTargetMm = Math.min(minTargetMm ?? Infinity, smallest);
    if (smallest < limit) {
      violations.push({
        check: primary ? 'primary-size' : 'target-size',
        element: describe(target),
        measured: `${round(w)} x ${round(h)} mm`,
        limit: `${limit} mm`,
      });
    }

    const ratio = controlContrast(target);
    minControlContrast = Math.min(minControlContrast ?? Infinity, ratio.value);
    if (ratio.uncertain || ratio.value < t.controlContrast) {
      violations.push({
        check: 'control-contrast',
        element: describe(target),
        measured: round(ratio.value),
        limit: t.controlContrast,
        detail: ratio.uncertain ? `not verifiable: ${ratio.uncertain}` : ratio.detail,
      });
    }
  });

  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const a = hitAreas[i]!;
      const b = hitAreas[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      // Half a CSS pixel absorbs sub-pixel layout; anything more is a finger landing on two targets.
      if (w > 0.5 && h > 0.5) {
        violations.push({
          check: 'target-overlap',
          element: `${describe(targets[i]!)} and ${describe(targets[j]!)}`,
          measured: `${round(toMm(w, t.pxPerInch))} x ${round(toMm(h, t.pxPerInch))} mm`,
          limit: 'no overlap',
        });
      }
    }
  }
  return { violations, minTargetMm, minPrimaryMm, minControlContrast };
}

interface Ratio {
  value: number;
  detail: string;
  uncertain?: string;
}

/**
 * The control's fill, or its border when every side has one, against what is around it; the
 * better of the two counts (either one is enough to see the control's extent).
 */
function controlContrast(target: HTMLElement): Ratio {
  const chain = chainOf(target);
  const around = paintedColour(chain.slice(0, -1), null);
  const fill = paintedColour(chain, null);
  const style = getComputedStyle(target);
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const bordered = sides.every(
    (side) =>
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1 &&
      !['none', 'hidden'].includes(style.getPropertyValue(`border-${side.toLowerCase()}-style`)),
  );
  const fillRatio = contrast(fill.colour, around.colour);
  let borderRatio = 0;
  let borderColour: Rgba | null = null;
  if (bordered) {
    borderRatio = Math.min(
      ...sides.map((side) => {
        const painted = paintedColour(
          chain,
          parseColour(style.getPropertyValue(`border-${side.toLowerCase()}-color`)),
        );
        borderColour ??= painted.colour;
        return contrast(painted.colour, around.colour);
      }),
    );
  }
  const value = Math.max(fillRatio, borderRatio);
  const detail =
    `fill ${hex(fill.colour)} ${round(fillRatio)}:1, ` +
    (borderColour ? `border ${hex(borderColour)} ${round(borderRatio)}:1, ` : 'no full border, ') +
    `around ${hex(around.colour)}`;
  const uncertain = around.uncertain ?? fill.uncertain;
  return uncertain ? { value, detail, uncertain } : { value, detail };
}
