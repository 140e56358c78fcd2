import { posix } from 'node:path';
import type { Plugin } from 'vite';

/** V8's explicit compile hint: every function in the file is compiled eagerly (Chrome 136+). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

interface OutputLike {
  type: 'chunk' | 'asset';
  fileName: string;
  imports?: readonly string[];
  source?: string | Uint8Array;
}

/**
 * The chunks a page runs before it imports anything lazily: the module scripts and module
 * preloads its HTML names, and their static imports.
 */
export function loadTimeChunks(bundle: Record<string, OutputLike>): string[] {
  const stack: string[] = [];
  for (const output of Object.values(bundle)) {
    if (output.type !== 'asset' || !output.fileName.endsWith('.html')) continue;
    const html = String(output.source ?? '');
    const dir = posix.dirname(output.fileName);
    for (const [, src] of html.matchAll(
      /<(?:script type="module"|link rel="modulepreload")[^>]*? (?:src|href)="([^"]+\.js)"/g,
    )) {
      stack.push(posix.normalize(posix.join(dir, src!)));
    }
  }
  const seen = new Set<string>();
  while (stack.length > 0) {
    const fileName = stack.pop()!;
    if (seen.has(fileName) || bundle[fileName]?.type !== 'chunk') continue;
    seen.add(fileName);
    stack.push(...(bundle[fileName].imports ?? []));
  }
  return [...seen].sort();
}

/**
 * Marks the chunks a page runs at load for eager compilation. V8 otherwise compiles a function
 * when it is first called, on the main thread, in the middle of the first render; eagerly, it
 * compiles while the script streams in, off the main thread. Lazily loaded chunks stay lazy:
 * most of their code may never run. Added to the finished chunks: minifying drops comments. The
 * names' hashes do not cover the line; it is a hint that changes no behaviour.
 */
export function compileHints(): Plugin {
  return {
    name: 'dashport:compile-hints',
    enforce: 'post',
    generateBundle: {
      // After Vite's own rewrite of the chunks (its preload helper), which would drop it.
      order: 'post',
      handler(_, bundle) {
        for (const fileName of loadTimeChunks(bundle as Record<string, OutputLike>)) {
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        }
      },
    },
  };
}
