import type { AuditRequest, CheckId, PageAudit } from '../types.ts';
import { collectTargets, auditTargets } from './targets.ts';
import { auditText, collectTextElements } from './text.ts';
import { auditLists, auditMotion, auditPhotos, auditTextEntry, auditVideo } from './restricted.ts';
import { auditGlyphs } from './glyphs.ts';
import { auditOverflow } from './overflow.ts';

/**
 * The in-page half of the safety audit. Bundled into one script by ../inject.ts and installed
 * as window.__dashportAudit; the test calls settle() after each state change, then run().
 */

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Resolves once the DOM has not changed for two consecutive frames and fonts are loaded: state
 * changes (theme, language, screen, drive state) land over a few async steps, and a fixed
 * sleep would be either slow or flaky.
 */
export async function settle(timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  let mutations = 0;
  const observer = new MutationObserver(() => (mutations += 1));
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  try {
    let quietFrames = 0;
    while (quietFrames < 2) {
      await document.fonts.ready;
      const before = mutations;
      await nextFrame();
      quietFrames = mutations === before ? quietFrames + 1 : 0;
      if (performance.now() - started > timeoutMs) throw new Error('page did not settle');
    }
  } finally {
    observer.disconnect();
  }
  return performance.now() - started;
}

export function run(request: AuditRequest): PageAudit {
  const t = request.thresholds;
  const targets = collectTargets();
  const texts = collectTextElements();
  const targetResult = auditTargets(targets, t);
  const textResult = auditText(texts, t, request.moving);
  const glyphResult = auditGlyphs(texts);
  const overflowResult = auditOverflow();
  const checked: Record<CheckId, number> = {
    'target-size': targets.length,
    'primary-size': targets.filter((e) => e.classList.contains('button--primary')).length,
    'target-overlap': targets.length,
    'glyph-height': texts.length,
    'text-contrast': texts.length,
    'control-contrast': targets.length,
    'text-input': 0,
    animation: 0,
    video: 0,
    photo: 0,
    'list-rows': 0,
    'string-length': request.moving ? texts.length : 0,
    'missing-glyph': glyphResult.checked,
    // Run from the Node side (../axe.ts) for the first locale of each screen, theme and state.
    axe: 0,
    'main-overflow': overflowResult.checked,
  };
  const violations = [
    ...targetResult.violations,
    ...textResult.violations,
    ...glyphResult.violations,
    ...overflowResult.violations,
  ];
  let maxListRows: number | null = null;
  if (request.moving) {
    const entry = auditTextEntry();
    const motion = auditMotion();
    const video = auditVideo();
    const photos = auditPhotos();
    const lists = auditLists(t);
    checked['text-input'] = entry.checked;
    checked.animation = motion.checked;
    checked.video = video.checked;
    checked.photo = photos.checked;
    checked['list-rows'] = lists.checked;
    maxListRows = lists.maxRows;
    violations.push(...entry.violations, ...motion.violations, ...video.violations);
    violations.push(...photos.violations);
    violations.push(...lists.violations);
  }
  const r = (v: number | null) => (v === null ? null : Number(v.toFixed(2)));
  return {
    checked,
    margins: {
      minTargetMm: r(targetResult.minTargetMm),
      minPrimaryMm: r(targetResult.minPrimaryMm),
      minGlyphMm: r(textResult.minGlyphMm),
      minTextContrast: r(textResult.minTextContrast),
      minControlContrast: r(targetResult.minControlContrast),
      maxListRows,
      maxStringLength: textResult.maxStringLength,
    },
    violations,
  };
}
