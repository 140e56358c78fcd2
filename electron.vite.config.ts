import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { LANGUAGE_CHUNKS_FILE } from './electron/host/languageChunks.ts';
import { compileHints } from './scripts/lib/compileHints.ts';

const root = import.meta.dirname;

/**
 * Build time baked into the main bundle (shown by `system.info`). SOURCE_DATE_EPOCH, when set,
 * makes it reproducible: two builds of the same commit produce the same bytes.
 */
function buildTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new Error(
        `SOURCE_DATE_EPOCH must be whole seconds since 1970, got ${JSON.stringify(epoch)}`,
      );
    }
    return new Date(seconds * 1000).toISOString();
  }
  return new Date().toISOString();
}

/** The commit the bundles are built from (the engineering screen shows it); "unknown" outside git. */
function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  });
  return head.status === 0 ? head.stdout.trim() : 'unknown';
}

/** Names the commit in the page itself: a meta tag, so no global and no change to the CSP. */
function commitMeta(): Plugin {
  const value = commit();
  return {
    name: 'dashport:commit-meta',
    transformIndexHtml: (html) =>
      html.replace('</head>', `  <meta name="dashport-commit" content="${value}" />\n  </head>`),
  };
}

/**
 * Writes which chunk holds each language, so the host can name the active one in the page it
 * serves (a modulepreload): the strings then load beside the boot chunk, not after it has run.
 */
function languageChunks(): Plugin {
  return {
    name: 'dashport:language-chunks',
    generateBundle(_, bundle) {
      const chunks: Record<string, string> = {};
      for (const output of Object.values(bundle)) {
        const language =
          output.type === 'chunk' &&
          /[\\/]renderer[\\/]i18n[\\/]languages[\\/]([^\\/]+)\.ts$/.exec(
            output.facadeModuleId ?? '',
          );
        if (language) chunks[language[1]!] = output.fileName;
      }
      this.emitFile({
        type: 'asset',
        fileName: LANGUAGE_CHUNKS_FILE,
        source: JSON.stringify(chunks),
      });
    },
  };
}

/**
 * Fontsource's CSS names a .woff beside each .woff2; every Chromium we run takes the woff2, so
 * the woff would only add ~9 MB of never-fetched files to the package.
 */
function woff2Only(): Plugin {
  return {
    name: 'dashport:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * Every module the entry imports statically goes into one chunk: the boot path is then two
 * requests (entry and boot) instead of one per shared module, which HTTP/1.1's six connections
 * per origin would queue. Lazy screens keep their own chunks and import from this one.
 */
function bootChunk() {
  let boot: Set<string> | null = null;
  return (
    moduleId: string,
    ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null },
  ) => {
    if (boot === null) {
      boot = new Set();
      const entry = resolve(root, 'renderer/main.tsx');
      const stack = [entry];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (boot.has(id)) continue;
        boot.add(id);
        stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
      }
    }
    return boot.has(moduleId) ? 'boot' : null;
  };
}

export default defineConfig({
  main: {
    define: { __BUILD_TIME__: JSON.stringify(buildTime()) },
    build: {
      // Bundle our dependencies (zod) into out/main so the packaged app does not depend on which
      // node_modules electron-builder copies; electron and node: built-ins stay external (preset).
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is evaluated as a classic script with a restricted `require`
      // (electron, events, timers, url): it must be CommonJS and carry all of its own code.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs work from app://dashport/ and from the browser-mode host server alike.
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [woff2Only(), commitMeta(), languageChunks(), compileHints()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves bundles unminified; the renderer has a start-up and size budget on
      // a modest ARM head unit (DESIGN §10), so it ships minified.
      minify: true,
      // The CSP's font-src is 'self': a small font slice inlined as data: would be refused.
      assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
        output: {
          codeSplitting: { groups: [{ name: bootChunk(), debugName: 'boot' }] },
        },
      },
    },
  },
});
