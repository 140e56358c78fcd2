import type { AuditThresholds, Violation } from '../types.ts';
import { describe, isShown } from './describe.ts';

/** Input types that bring up a keyboard; buttons, boxes and sliders do not. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'submit',
  'reset',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
  'hidden',
  'image',
]);

/** A1: nothing to type into while moving. */
export function auditTextEntry(): { violations: Violation[]; checked: number } {
  const violations: Violation[] = [];
  const fields = [
    ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
  ].filter((f) => !(f instanceof HTMLInputElement && NON_TEXT_INPUTS.has(f.type)));
  for (const field of fields) {
    if (!field.disabled && !field.readOnly && !field.closest('[inert]')) {
      violations.push({
        check: 'text-input',
        element: describe(field),
        measured: 'enabled',
        limit: 'disabled',
      });
    }
  }
  const editable = [...document.querySelectorAll<HTMLElement>('[contenteditable]')].filter(
    (e) => e.isContentEditable,
  );
  for (const e of editable) {
    violations.push({
      check: 'text-input',
      element: describe(e),
      measured: 'contenteditable',
      limit: 'not editable',
    });
  }
  return { violations, checked: fields.length + editable.length };
}

function durationsOf(list: string): number[] {
  return list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000));
}

/**
 * A2/A3: nothing moves. Running animations of any kind (CSS animations, transitions, Web
 * Animations), and declared CSS animations or transitions that would run on the next change.
 */
export function auditMotion(): { violations: Violation[]; checked: number } {
  const violations: Violation[] = [];
  for (const animation of document.getAnimations()) {
    if (animation.playState !== 'running') continue;
    const effect = animation.effect as KeyframeEffect | null;
    const target = effect?.target;
    const name =
      animation instanceof CSSAnimation
        ? `CSS animation ${animation.animationName}`
        : animation instanceof CSSTransition
          ? `CSS transition of ${animation.transitionProperty}`
          : 'Web Animation';
    violations.push({
      check: 'animation',
      element: target ? describe(target) : '(no target)',
      measured: 'running',
      limit: 'none while moving',
      detail: name,
    });
  }
  const elements = [...document.body.querySelectorAll('*')];
  for (const element of elements) {
    for (const pseudo of [null, '::before', '::after'] as const) {
      const style = getComputedStyle(element, pseudo);
      const animated =
        style.animationName !== 'none' && durationsOf(style.animationDuration).some((d) => d > 0);
      const transitions =
        style.transitionProperty !== 'none' &&
        durationsOf(style.transitionDuration).some((d) => d > 0);
      if (animated || transitions) {
        violations.push({
          check: 'animation',
          element: describe(element) + (pseudo ?? ''),
          measured: animated
            ? `animation ${style.animationName}`
            : `transition ${style.transitionProperty}`,
          limit: 'none while moving',
          detail: 'declared in CSS',
        });
      }
    }
  }
  return { violations, checked: elements.length };
}

/** A2: no playing video; A3: no marquee. */
export function auditVideo(): { violations: Violation[]; checked: number } {
  const violations: Violation[] = [];
  const videos = [...document.querySelectorAll('video')];
  for (const video of videos) {
    if (!video.paused || video.autoplay) {
      violations.push({
        check: 'video',
        element: describe(video),
        measured: video.paused ? 'autoplay' : 'playing',
        limit: 'paused',
      });
    }
  }
  const marquees = [...document.querySelectorAll('marquee')];
  for (const m of marquees) {
    violations.push({ check: 'video', element: describe(m), measured: 'marquee', limit: 'none' });
  }
  return { violations, checked: videos.length + marquees.length };
}

/**
 * A5: no photographs for the driver. Any image shown from a file or the network (an <img>, a
 * <picture>, a CSS background from a URL) counts; inline SVG pictograms do not.
 */
export function auditPhotos(): { violations: Violation[]; checked: number } {
  const violations: Violation[] = [];
  const images = [...document.querySelectorAll('img, picture, image')];
  for (const image of images) {
    if (isShown(image)) {
      violations.push({
        check: 'photo',
        element: describe(image),
        measured: 'shown',
        limit: 'none',
      });
    }
  }
  let backgrounds = 0;
  for (const element of document.querySelectorAll('body *')) {
    const background = getComputedStyle(element).backgroundImage;
    if (!/url\(/.test(background)) continue;
    backgrounds += 1;
    if (isShown(element)) {
      violations.push({
        check: 'photo',
        element: describe(element),
        measured: 'background image',
        limit: 'none',
      });
    }
  }
  return { violations, checked: images.length + backgrounds };
}

const LIST_SELECTOR = 'ul, ol, [role="list"], [role="grid"], [data-restricted-list]';

/** Rows as a reader counts them: items for lists, rows for grids, children for marked grids. */
function rowsOf(list: Element): number {
  let rows: Element[];
  if (list.matches('ul, ol')) rows = [...list.children].filter((c) => c.matches('li'));
  else if (list.matches('[role="list"]'))
    rows = [...list.querySelectorAll('[role="listitem"]')].filter(
      (item) => item.parentElement?.closest('[role="list"]') === list,
    );
  else if (list.matches('[role="grid"]'))
    rows = [...list.querySelectorAll('[role="row"]')].filter(
      (row) => row.closest('[role="grid"]') === list,
    );
  else rows = [...list.children];
  return rows.filter(isShown).length;
}

/** C3: no list, grid or marked grid over the row limit while moving. */
export function auditLists(t: AuditThresholds): {
  violations: Violation[];
  checked: number;
  maxRows: number | null;
} {
  const violations: Violation[] = [];
  const lists = [...document.querySelectorAll(LIST_SELECTOR)].filter(isShown);
  let maxRows: number | null = null;
  for (const list of lists) {
    const rows = rowsOf(list);
    maxRows = Math.max(maxRows ?? 0, rows);
    if (rows > t.maxListRows) {
      violations.push({
        check: 'list-rows',
        element: describe(list),
        measured: rows,
        limit: t.maxListRows,
      });
    }
  }
  return { violations, checked: lists.length, maxRows };
}
