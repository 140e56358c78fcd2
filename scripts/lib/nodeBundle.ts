import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';

/**
 * One of our Node CLIs as a unit without node_modules runs it: one ES module carrying every
 * dependency, at the same path under `dir` as in the repository (so a CLI that finds its files
 * relative to itself finds them where it always does), with a package.json giving its version.
 */
export async function bundleNodeCli(root: string, entry: string, dir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: join(root, entry),
      outDir: join(dir, dirname(entry)),
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        // ws loads these native speed-ups only if present; the unit has none.
        external: ['bufferutil', 'utf-8-validate'],
        output: { entryFileNames: 'cli.js', format: 'es' },
      },
    },
    // Everything from node_modules goes into the one file: the unit has no node_modules.
    ssr: { noExternal: true, target: 'node' },
  });
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version, private: true, type: 'module' }, null, 2)}\n`,
  );
}

/** The vehicle lines (build/variants/*.json), which every CLI reads by name. */
export function copyVariants(root: string, dir: string): void {
  mkdirSync(join(dir, 'build/variants'), { recursive: true });
  for (const file of readdirSync(join(root, 'build/variants'))) {
    if (file.endsWith('.json')) {
      cpSync(join(root, 'build/variants', file), join(dir, 'build/variants', file));
    }
  }
}
