/**
 * Builds the three bundles with electron-vite into a temp folder and checks what Electron will
 * load: an ESM main that imports only electron and node built-ins, a self-contained CommonJS
 * preload (sandboxed preloads cannot be ESM), and a renderer with relative URLs and no inline script.
 * Then packs them with electron-builder and the real electron-builder.yml. The Electron binary
 * cannot be downloaded here, so a stand-in folder takes its place and fuses (which patch that
 * binary) are left out of this one run; the asar, resources and layout are electron-builder's own.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, build as pack, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from '../../common/hostApi/channels.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const cli = join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js');
const EPOCH = 1_767_225_600; // 2026-01-01T00:00:00Z

function build(outDir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();
}

describe('electron-vite build', () => {
  let first: string;
  let second: string;

  beforeAll(() => {
    first = mkdtempSync(join(tmpdir(), 'dashport-build-a-'));
    second = mkdtempSync(join(tmpdir(), 'dashport-build-b-'));
    for (const dir of [first, second]) {
      const result = build(dir, { SOURCE_DATE_EPOCH: String(EPOCH) });
      if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
    }
  }, 60_000);

  afterAll(() => {
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  });

  it('main is ESM importing only electron and node: built-ins, with the build time baked in', () => {
    const main = readFileSync(join(first, 'main/index.js'), 'utf8');
    const imports = [...main.matchAll(/^import\s.*?from\s+"([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toContain('electron');
    expect(imports.filter((s) => s !== 'electron' && !s?.startsWith('node:'))).toEqual([]);
    expect(main).not.toMatch(/\brequire\(/);
    expect(main).not.toContain('__BUILD_TIME__');
    expect(main).toContain('"2026-01-01T00:00:00.000Z"');
  });

  // Electron cannot start here, so the wiring of the checklist is checked in what was built: each
  // handler is registered, and nothing the checklist warns against appears (docs/security.md).
  it.each([
    ['app.enableSandbox()', /\.enableSandbox\(\)/],
    ['will-navigate refused', /"will-navigate"/],
    ['will-redirect refused', /"will-redirect"/],
    ['new windows refused', /\.setWindowOpenHandler\(/],
    ['webviews refused', /"will-attach-webview"/],
    ['permission requests decided', /\.setPermissionRequestHandler\(/],
    ['permission checks decided', /\.setPermissionCheckHandler\(/],
    ['device permissions refused', /\.setDevicePermissionHandler\(/],
    ['downloads refused', /"will-download"/],
    ['the app:// scheme', /registerSchemesAsPrivileged/],
    ['one handler for unhandled rejections', /"unhandledRejection"/],
  ])('main wires the checklist: %s', (_, pattern) => {
    expect(readFileSync(join(first, 'main/index.js'), 'utf8')).toMatch(pattern);
  });

  it.each([
    ['shell.openExternal', /openExternal/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['allowpopups', /allowpopups/],
    ['file:// pages', /loadFile\(|file:\/\//],
    ['nodeIntegration: true', /nodeIntegration:\s*true|nodeIntegration:\s*!0/],
    ['contextIsolation: false', /contextIsolation:\s*false|contextIsolation:\s*!1/],
  ])('main never uses %s', (_, pattern) => {
    expect(readFileSync(join(first, 'main/index.js'), 'utf8')).not.toMatch(pattern);
  });

  it('preload is CommonJS that requires nothing but electron, and exposes only window.dashport', () => {
    const preload = readFileSync(join(first, 'preload/index.cjs'), 'utf8');
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual([
      'electron',
    ]);
    expect([...preload.matchAll(/exposeInMainWorld\(\s*"([^"]+)"/g)].map((m) => m[1])).toEqual([
      'dashport',
    ]);
    expect(preload).not.toMatch(/from\s+["']zod["']|\bZodError\b/);
    // Load it as a sandboxed preload would be: a classic script with a require limited to electron.
    const exposed: Record<string, unknown> = {};
    const listeners: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        on: (channel: string) => listeners.push(channel),
        invoke: () => Promise.resolve({ ok: true, value: null }),
      },
    };
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return electron;
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', preload)(sandboxRequire, module, module.exports);
    expect(listeners).toEqual(['dashport:event']);
    const api = exposed.dashport as Record<string, Record<string, unknown>>;
    // One namespace per group of host channels in the contract, plus `on` for events.
    const namespaces = new Set(HOST_CHANNELS.map((c) => c.split('.')[0]));
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    expect(typeof api.orders?.place).toBe('function');
    expect(typeof api.settings?.update).toBe('function');
  });

  it('renderer uses relative URLs and no inline script (the CSP forbids it)', () => {
    const html = readFileSync(join(first, 'renderer/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('is reproducible: the same sources and SOURCE_DATE_EPOCH give the same bytes', () => {
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(second, file)).equals(readFileSync(join(first, file))), file).toBe(
        true,
      );
    }
  });

  it('packs into an asar holding only the bundles, with the variants beside it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'dashport-pack-'));
    try {
      const stage = join(work, 'stage');
      mkdirSync(join(stage, 'build'), { recursive: true });
      cpSync(first, join(stage, 'out'), { recursive: true });
      cpSync(join(projectRoot, 'package.json'), join(stage, 'package.json'));
      cpSync(join(projectRoot, 'build/variants'), join(stage, 'build/variants'), {
        recursive: true,
      });
      symlinkSync(join(projectRoot, 'node_modules'), join(stage, 'node_modules'));
      const electronDist = join(work, 'electron-dist');
      mkdirSync(electronDist);
      writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
      writeFileSync(join(electronDist, 'version'), '45.4.1');
      writeFileSync(join(electronDist, 'LICENSE'), '');
      writeFileSync(join(electronDist, 'LICENSES.chromium.html'), '');

      await pack({
        projectDir: stage,
        targets: Platform.LINUX.createTarget('dir', Arch.arm64),
        config: {
          extends: join(projectRoot, 'electron-builder.yml'),
          electronDist,
          electronVersion: '45.4.1',
          electronFuses: null,
          directories: { output: join(work, 'dist') },
        },
      });

      const app = join(work, 'dist/linux-arm64-unpacked');
      expect(existsSync(join(app, 'dashport'))).toBe(true);
      expect(existsSync(join(app, 'resources/variants/dev.json'))).toBe(true);
      const asar = join(app, 'resources/app.asar');
      const entries = listPackage(asar, { isPack: false });
      expect(entries.filter((e) => e.startsWith('/node_modules'))).toEqual([]);
      expect(entries).toEqual(
        expect.arrayContaining([
          '/package.json',
          '/out/main/index.js',
          '/out/preload/index.cjs',
          '/out/renderer/index.html',
        ]),
      );
      expect(
        entries.every((e) => e === '/package.json' || e === '/out' || e.startsWith('/out/')),
      ).toBe(true);
      expect(JSON.parse(extractFile(asar, 'package.json').toString()).main).toBe(
        'out/main/index.js',
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a malformed SOURCE_DATE_EPOCH with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dashport-build-c-'));
    try {
      const result = build(dir, { SOURCE_DATE_EPOCH: 'yesterday' });
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toContain(
        'SOURCE_DATE_EPOCH must be whole seconds since 1970',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
