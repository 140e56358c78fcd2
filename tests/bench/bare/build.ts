import { join } from 'node:path';
import { build } from 'vite';

/**
 * Builds the bare React page the way electron-vite builds the renderer (Vite, relative base,
 * automatic JSX runtime, minified), so the cold-start comparison measures our app, not tooling.
 */
export async function buildBare(outDir: string): Promise<void> {
  const root = import.meta.dirname;
  await build({
    configFile: false,
    logLevel: 'silent',
    root,
    base: './',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      rolldownOptions: { input: join(root, 'index.html') },
    },
  });
}
