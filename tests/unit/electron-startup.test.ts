import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVariant } from '../../common/node/variantFile.ts';
import {
  bundlePaths,
  dataDirectory,
  variantArgument,
  variantLocation,
} from '../../electron/main/startup.ts';

const projectRoot = join(import.meta.dirname, '..', '..');
const electronArgv = ['/opt/dashport/dashport', '--ozone-platform=wayland'];

describe('variantArgument', () => {
  it.each([
    [[], {}, { ok: true, value: 'dev', source: 'default' }],
    [['--variant=sedan-eu'], {}, { ok: true, value: 'sedan-eu', source: 'argv' }],
    [['--variant', 'sedan-eu'], {}, { ok: true, value: 'sedan-eu', source: 'argv' }],
    [['--variant=./my.json'], {}, { ok: true, value: './my.json', source: 'argv' }],
    [['--variant=a', '--variant=b'], {}, { ok: true, value: 'b', source: 'argv' }],
    [[], { DASHPORT_VARIANT: 'suv-us' }, { ok: true, value: 'suv-us', source: 'env' }],
    [
      ['--variant=sedan-eu'],
      { DASHPORT_VARIANT: 'suv-us' },
      { ok: true, value: 'sedan-eu', source: 'argv' },
    ],
    [[], { DASHPORT_VARIANT: '  ' }, { ok: true, value: 'dev', source: 'default' }],
    [['--variant='], {}, { ok: false, problem: '--variant needs a name or a path' }],
    [['--variant'], {}, { ok: false, problem: '--variant needs a name or a path' }],
    [['--variant', '--no-sandbox'], {}, { ok: false, problem: '--variant needs a name or a path' }],
    [['--variants=x', '--my-variant=y'], {}, { ok: true, value: 'dev', source: 'default' }],
  ])('%o with env %o -> %o', (args, env, expected) => {
    expect(variantArgument([...electronArgv, ...args], env)).toEqual(expected);
  });
});

describe('variantLocation', () => {
  const common = {
    appPath: '/work/app',
    resourcesPath: '/opt/dashport/resources',
    cwd: '/home/eng',
  };
  it.each([
    [false, 'dev', { nameOrPath: 'dev', projectRoot: '/work/app' }],
    [false, './x.json', { nameOrPath: './x.json', projectRoot: '/work/app' }],
    [
      true,
      'dev',
      {
        nameOrPath: '/opt/dashport/resources/variants/dev.json',
        projectRoot: '/opt/dashport/resources',
      },
    ],
    [true, './bench.json', { nameOrPath: '/home/eng/bench.json', projectRoot: '/home/eng' }],
    [
      true,
      '/etc/dashport/car.json',
      { nameOrPath: '/etc/dashport/car.json', projectRoot: '/home/eng' },
    ],
  ])('packaged=%s %s -> %o', (isPackaged, nameOrPath, expected) => {
    expect(variantLocation({ ...common, isPackaged, nameOrPath })).toEqual(expected);
  });

  it('finds the shipped variant in a packaged layout (resources/variants) and in the project', () => {
    const resources = mkdtempSync(join(tmpdir(), 'dashport-resources-'));
    try {
      cpSync(join(projectRoot, 'build/variants'), join(resources, 'variants'), { recursive: true });
      const packaged = variantLocation({
        nameOrPath: 'dev',
        isPackaged: true,
        appPath: join(resources, 'app.asar'),
        resourcesPath: resources,
        cwd: '/',
      });
      expect(loadVariant(packaged.nameOrPath, packaged.projectRoot)).toMatchObject({
        ok: true,
        variant: { name: 'dev' },
      });
      const dev = variantLocation({
        nameOrPath: 'dev',
        isPackaged: false,
        appPath: projectRoot,
        resourcesPath: '/nowhere',
        cwd: '/',
      });
      expect(loadVariant(dev.nameOrPath, dev.projectRoot)).toMatchObject({
        ok: true,
        variant: { name: 'dev' },
      });
    } finally {
      rmSync(resources, { recursive: true, force: true });
    }
  });

  it('reports a missing variant as problem lines (what main prints before exiting 1)', () => {
    const location = variantLocation({
      nameOrPath: 'no-such-car',
      isPackaged: false,
      appPath: projectRoot,
      resourcesPath: '',
      cwd: '/',
    });
    const loaded = loadVariant(location.nameOrPath, location.projectRoot);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok)
      expect(loaded.problems).toEqual([
        expect.stringMatching(/no-such-car\.json: file not found$/),
      ]);
  });
});

describe('dataDirectory', () => {
  it.each([
    [{}, '/home/u/.config/Dashport'],
    [{ DASHPORT_DATA_DIR: '' }, '/home/u/.config/Dashport'],
    [{ DASHPORT_DATA_DIR: '/var/lib/dashport/data' }, '/var/lib/dashport/data'],
    [{ DASHPORT_DATA_DIR: '.data' }, '/work/app/.data'],
  ])('%o -> %s', (env, expected) => {
    expect(dataDirectory(env, '/home/u/.config/Dashport', '/work/app')).toBe(expected);
  });
});

describe('bundlePaths', () => {
  it('points at the electron-vite outputs inside the app path', () => {
    expect(bundlePaths('/opt/dashport/resources/app.asar')).toEqual({
      rendererRoot: '/opt/dashport/resources/app.asar/out/renderer',
      preload: '/opt/dashport/resources/app.asar/out/preload/index.cjs',
    });
  });
});
