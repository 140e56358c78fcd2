import { join } from 'node:path';
import { build } from 'vite';
import { compileHints } from '../../../scripts/lib/compileHints.ts';

/**
 * Builds the bare React page the way electron-vite builds the renderer (Vite, relative base,
 * automatic JSX runtime, minified, the load-time chunks marked for eager compilation), so the
 * cold-start comparison measures our app, not tooling.
 */
export async function buildBare(outDir: string): Promise<void> {
  const root = import.meta.dirname;
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [compileHints()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: join(root, 'index.html') },
    },
  });
}
