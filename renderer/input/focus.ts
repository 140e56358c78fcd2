import type { Direction, TextEntry } from './keymap.ts';
import { nearestInDirection, stepInOrder, type Rect } from './spatial.ts';

/**
 * DOM glue for key and button navigation: which elements may take focus, where focus goes, and
 * how it is shown. The decisions themselves live in spatial.ts and keymap.ts.
 */

/** Where elements are on screen. The browser's layout by default; see setGeometry. */
export interface Geometry {
  rectOf(element: Element): Rect;
  /** The topmost element at a viewport point, or null when that cannot be told. */
  hitTest(x: number, y: number): Element | null;
  viewport(): Rect;
}

export const domGeometry: Geometry = {
  rectOf: (element) => element.getBoundingClientRect(),
  hitTest: (x, y) => document.elementFromPoint(x, y),
  viewport: () => ({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }),
};

let geometry: Geometry = domGeometry;

/**
 * Replaces the layout source, for environments that have no layout (happy-dom reports every
 * box as 0×0). Pass null to go back to the browser's. Real browsers never need this.
 */
export function setGeometry(next: Geometry | null): void {
  geometry = next ?? domGeometry;
}

const FOCUSABLE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[tabindex]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
].join(',');

/**
 * A modal overlay owns focus while it is open: everything under it is out of reach. Marked by
 * aria-modal="true" or data-overlay="modal"; a native <dialog> counts when opened with showModal().
 */
const MODAL = '[aria-modal="true"], [data-overlay="modal"]';

/** The region holding the current screen (App renders it as <main data-screen>). */
const SCREEN = '[data-screen]';

function isModal(element: Element): boolean {
  if (element.matches(MODAL)) return true;
  try {
    return element.matches('dialog:modal');
  } catch {
    return false; // an engine without :modal
  }
}

/** The last-opened (last in the document) modal overlay, or the whole body. */
export function focusScope(doc: Document): Element {
  const modals = [...doc.querySelectorAll(`${MODAL}, dialog[open]`)].filter(isModal);
  return modals.at(-1) ?? doc.body;
}

const CLIPPING = new Set(['hidden', 'clip', 'scroll', 'auto']);

const inside = (rect: Rect, x: number, y: number) =>
  x >= rect.left && x < rect.right && y >= rect.top && y < rect.bottom;

/**
 * True when something else is drawn over the centre of the element (an overlay, a toast). Only
 * judged where the centre is actually on screen: a control scrolled out of its container is not
 * covered, it will scroll into view when focused.
 */
export function isCovered(element: Element, g: Geometry = geometry): boolean {
  const rect = g.rectOf(element);
  if (rect.right <= rect.left || rect.bottom <= rect.top) return false;
  const x = (rect.left + rect.right) / 2;
  const y = (rect.top + rect.bottom) / 2;
  if (!inside(g.viewport(), x, y)) return false;
  const view = element.ownerDocument.defaultView;
  for (let p = element.parentElement; p && p !== element.ownerDocument.body; p = p.parentElement) {
    const style = view?.getComputedStyle(p);
    const clips = style && (CLIPPING.has(style.overflowX) || CLIPPING.has(style.overflowY));
    if (clips && !inside(g.rectOf(p), x, y)) return false;
  }
  const hit = g.hitTest(x, y);
  if (!hit) return false;
  return !(hit === element || element.contains(hit) || hit.contains(element));
}

function isShown(element: HTMLElement): boolean {
  if (element.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
  // display:none, visibility:hidden, opacity 0 and content-visibility, where the engine can tell.
  if (
    typeof element.checkVisibility === 'function' &&
    !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
  ) {
    return false;
  }
  return true;
}

/** Controls that could take focus, before the checks that need layout (shown, not covered). */
function candidates(doc: Document): HTMLElement[] {
  const scope = focusScope(doc);
  return [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && el.getAttribute('tabindex') !== '-1',
  );
}

/** Every control a key, the rotary or a steering-wheel button may focus, in reading (DOM) order. */
export function focusTargets(doc: Document): HTMLElement[] {
  return candidates(doc).filter((el) => isShown(el) && !isCovered(el));
}

/** The focused control if it is a target now (not disabled, not covered, not outside the overlay). */
export function focusedTarget(doc: Document, targets: readonly HTMLElement[]): HTMLElement | null {
  const active = doc.activeElement;
  return targets.find((t) => t === active) ?? null;
}

/**
 * Where focus lands when there is none yet: the first control of the current screen, else the
 * navigation entry of the current screen, else the first control at all.
 */
export function startTarget(doc: Document, targets: readonly HTMLElement[]): HTMLElement | null {
  const scope = focusScope(doc);
  if (scope !== doc.body) return targets[0] ?? null;
  return (
    firstInScreen(doc, targets) ??
    targets.find((t) => t.getAttribute('aria-current') === 'page') ??
    targets[0] ??
    null
  );
}

export function firstInScreen(doc: Document, targets: readonly HTMLElement[]): HTMLElement | null {
  const screen = doc.querySelector(SCREEN);
  return (screen && targets.find((t) => screen.contains(t))) ?? null;
}

/**
 * The part of an element its scrolling ancestors let show; a control scrolled partly out of its
 * container must not count as beside controls outside that container. Wholly hidden: its own box.
 */
function visibleRect(element: Element, g: Geometry = geometry): Rect {
  const own = g.rectOf(element);
  let r = own;
  const view = element.ownerDocument.defaultView;
  for (let p = element.parentElement; p && p !== element.ownerDocument.body; p = p.parentElement) {
    const style = view?.getComputedStyle(p);
    if (!style || !(CLIPPING.has(style.overflowX) || CLIPPING.has(style.overflowY))) continue;
    const c = g.rectOf(p);
    if (c.right <= c.left || c.bottom <= c.top) continue;
    r = {
      left: Math.max(r.left, c.left),
      top: Math.max(r.top, c.top),
      right: Math.min(r.right, c.right),
      bottom: Math.min(r.bottom, c.bottom),
    };
  }
  return r.right > r.left && r.bottom > r.top ? r : own;
}

export function spatialTarget(
  targets: readonly HTMLElement[],
  from: HTMLElement,
  direction: Direction,
): HTMLElement | null {
  const index = nearestInDirection(
    visibleRect(from),
    targets.map((t) => visibleRect(t)),
    direction,
  );
  return index < 0 ? null : targets[index]!;
}

export function orderTarget(
  targets: readonly HTMLElement[],
  from: HTMLElement | null,
  step: 1 | -1,
): HTMLElement | null {
  const index = stepInOrder(targets.length, from ? targets.indexOf(from) : -1, step);
  return index < 0 ? null : targets[index]!;
}

/** How the user last interacted; the focus ring follows keys and buttons, not touch. */
export type Modality = 'keys' | 'pointer';

export function setModality(doc: Document, modality: Modality): void {
  doc.documentElement.dataset.input = modality;
}

export function modality(doc: Document): Modality {
  return doc.documentElement.dataset.input === 'keys' ? 'keys' : 'pointer';
}

/**
 * Focuses with the ring shown. Browsers decide :focus-visible by heuristics, and a steering-wheel
 * press is no keyboard event to them, so the data-input="keys" marker (app.css) shows the ring too.
 */
export function showFocus(element: HTMLElement): void {
  setModality(element.ownerDocument, 'keys');
  element.focus({ focusVisible: true });
}

/**
 * Enough to find "the same control" again after its screen was unmounted and remounted: its id
 * if it has one, else its place in the document (child positions from <body>), which is the same
 * when the same screen renders again at the same stack depth; else its position among the
 * controls that could take focus.
 */
export interface FocusLocator {
  id?: string;
  path: number[];
  index: number;
}

function pathOf(doc: Document, element: Element): number[] {
  const path: number[] = [];
  for (let el: Element | null = element; el && el !== doc.body; el = el.parentElement) {
    path.unshift(el.parentElement ? [...el.parentElement.children].indexOf(el) : -1);
  }
  return path;
}

function atPath(doc: Document, path: readonly number[]): Element | null {
  let el: Element | undefined = doc.body;
  for (const i of path) el = el?.children[i];
  return el ?? null;
}

/**
 * Saved on every focus change and screen change, so it must not force a layout: the index counts
 * among the candidates, not the checked targets (a full check costs ~20 ms on the head-unit
 * profile, and a tap's focus would pay it before its screen paints).
 */
export function locate(doc: Document, element: HTMLElement): FocusLocator {
  return {
    ...(element.id ? { id: element.id } : {}),
    path: pathOf(doc, element),
    index: candidates(doc).indexOf(element),
  };
}

export function resolveLocator(doc: Document, locator: FocusLocator): HTMLElement | null {
  const targets = focusTargets(doc);
  const byId = locator.id ? targets.find((t) => t.id === locator.id) : undefined;
  if (byId) return byId;
  const byPath = atPath(doc, locator.path);
  const found = targets.find((t) => t === byPath);
  if (found) return found;
  if (locator.index < 0 || targets.length === 0) return null;
  // The control now at the saved position, or the first target after it, else the last target.
  const all = candidates(doc);
  const isTarget = new Set(targets);
  for (let i = Math.min(locator.index, all.length - 1); i < all.length; i++) {
    if (isTarget.has(all[i]!)) return all[i]!;
  }
  return targets.at(-1)!;
}

/** Elements that take typed text keep the keys that edit it (see keymap.ts). */
export function textEntryOf(target: EventTarget | null): TextEntry {
  if (!(target instanceof HTMLElement)) return 'none';
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return 'multiline';
  if (target instanceof HTMLInputElement) {
    const nonText = [
      'button',
      'checkbox',
      'color',
      'file',
      'image',
      'radio',
      'range',
      'reset',
      'submit',
    ];
    return nonText.includes(target.type) ? 'none' : 'line';
  }
  return 'none';
}
