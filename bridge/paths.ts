import { SIGNALS } from '../common/vss/signals.ts';
import type { VssPath } from '../common/vss/signals.ts';

/**
 * Resolves a VISS `paths` filter: a common root plus paths relative to it. A relative path may
 * end at a branch (every leaf below it) and may use `*` for exactly one segment, as VISS v3
 * allows. Only leaves the bridge serves can match, so the result is bounded by SIGNALS.
 */

export type ResolveResult = { ok: true; leaves: VssPath[] } | { ok: false; unmatched: string };

const LEAVES: readonly (readonly [VssPath, readonly string[]])[] = Object.keys(SIGNALS).map(
  (path) => [path as VssPath, path.split('.')] as const,
);

function matches(pattern: readonly string[], leaf: readonly string[]): boolean {
  if (pattern.length > leaf.length) return false;
  return pattern.every((segment, i) => segment === '*' || segment === leaf[i]);
}

/** Every leaf each relative path addresses, in request order without duplicates. */
export function resolvePaths(root: string, relative: readonly string[]): ResolveResult {
  const found = new Set<VssPath>();
  for (const rel of relative) {
    const pattern = `${root}.${rel}`.split('.');
    let any = false;
    for (const [path, segments] of LEAVES) {
      if (!matches(pattern, segments)) continue;
      any = true;
      found.add(path);
    }
    // VISS: every element must address at least one node, or the request fails.
    if (!any) return { ok: false, unmatched: `${root}.${rel}` };
  }
  return { ok: true, leaves: [...found] };
}
