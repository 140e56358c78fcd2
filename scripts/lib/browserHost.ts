import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/**
 * The browser-mode host as a unit without Electron runs it: one ES module carrying every
 * dependency (`node <dir>/electron/host/cli.js`, Node >= 22.12 for node:sqlite), beside what it
 * reads at run time, laid out as in the repository so the CLI finds them where it always does:
 *
 *   <dir>/electron/host/cli.js   the host (socket.io server, SQLite, cloud client, ...)
 *   <dir>/build/variants/*.json  the vehicle lines
 *   <dir>/out/renderer/          the page it serves (built by electron-vite before this)
 *   <dir>/package.json           its version
 */
export async function buildBrowserHost(root: string, dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'electron/host/cli.ts'),
      outDir: join(dir, 'electron/host'),
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
  mkdirSync(join(dir, 'build/variants'), { recursive: true });
  for (const file of readdirSync(join(root, 'build/variants'))) {
    if (file.endsWith('.json')) {
      cpSync(join(root, 'build/variants', file), join(dir, 'build/variants', file));
    }
  }
  cpSync(join(root, 'out/renderer'), join(dir, 'out/renderer'), { recursive: true });
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version, private: true, type: 'module' }, null, 2)}\n`,
  );
}
