/** A short handle on an element for a report line: `button.button--primary[nav-home] "Home"`. */
export function describe(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const classes = [...element.classList].map((c) => `.${c}`).join('');
  const testId = element.getAttribute('data-testid');
  const role = element.getAttribute('role');
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const label = element.getAttribute('aria-label');
  const parts = [
    tag + classes,
    testId ? `[data-testid=${testId}]` : '',
    role ? `[role=${role}]` : '',
    text ? ` "${text.length > 40 ? `${text.slice(0, 39)}…` : text}"` : '',
    !text && label ? ` aria-label="${label}"` : '',
  ];
  return parts.join('');
}

/** Physical size on the panel: mm = cssPx x devicePixelRatio / pxPerInch x 25.4 (driver-safety.md). */
export function toMm(cssPx: number, pxPerInch: number): number {
  return ((cssPx * window.devicePixelRatio) / pxPerInch) * 25.4;
}

/** Rendered and not hidden; zero-area boxes (collapsed, display: contents) are not on screen. */
export function isShown(element: Element): boolean {
  if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/**
 * The part of the element's box that can be seen and touched right now: clipped by every
 * scrolling or clipping ancestor and by the viewport. Content scrolled out of its container
 * lies under other parts of the page geometrically but cannot be hit there.
 */
export function visibleRect(element: Element): DOMRect {
  const r = element.getBoundingClientRect();
  let left = Math.max(r.left, 0);
  let top = Math.max(r.top, 0);
  let right = Math.min(r.right, window.innerWidth);
  let bottom = Math.min(r.bottom, window.innerHeight);
  for (let a = element.parentElement; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = a.getBoundingClientRect();
    if (style.overflowX !== 'visible') {
      left = Math.max(left, clip.left + a.clientLeft);
      right = Math.min(right, clip.left + a.clientLeft + a.clientWidth);
    }
    if (style.overflowY !== 'visible') {
      top = Math.max(top, clip.top + a.clientTop);
      bottom = Math.min(bottom, clip.top + a.clientTop + a.clientHeight);
    }
  }
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
