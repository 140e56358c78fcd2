import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadVariant } from '../../common/node/variantFile.ts';
import { devVariant, PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

const dev = () =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'build/variants/dev.json'), 'utf8')) as Record<
    string,
    unknown
  >;

describe('variant config', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  const write = (content: unknown) => {
    const file = join(tmp.dir, 'line.json');
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('loads the shipped dev variant by name', () => {
    const result = loadVariant('dev', PROJECT_ROOT);
    expect(result.ok).toBe(true);
  });

  it.each(readdirSync(join(PROJECT_ROOT, 'build/variants')).filter((f) => f.endsWith('.json')))(
    'every shipped vehicle line is valid and named as its file: %s',
    (file) => {
      const result = loadVariant(join(PROJECT_ROOT, 'build/variants', file), PROJECT_ROOT);
      if (!result.ok) throw new Error(result.problems.join('\n'));
      expect(`${result.variant.name}.json`).toBe(file);
    },
  );

  it('ships a second line unlike the first: Hangzhou, Chinese first, CNY, a 1280×480 panel', () => {
    const result = loadVariant('hangzhou-ev', PROJECT_ROOT);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.variant).toMatchObject({
      market: 'CN',
      defaultLocale: 'zh-CN',
      currency: 'CNY',
      distanceUnit: 'km',
      panel: { widthPx: 1280, heightPx: 480 },
      vehicle: { powertrain: 'ELECTRIC' },
    });
    expect(result.variant.brand.colors.primary).not.toBe(devVariant().brand.colors.primary);
  });

  it.each(['', 'not a url', 'http://'])(
    'reports a bridge URL of %j as a problem rather than throwing (found by the fuzzer)',
    (bridgeUrl) => {
      const result = loadVariant(write({ ...dev(), bridgeUrl }), PROJECT_ROOT);
      expect(result).toMatchObject({ ok: false, problems: [expect.stringMatching(/bridgeUrl/)] });
    },
  );

  it('reports every bad field with its path and reason, one line each', () => {
    const bad = {
      ...dev(),
      brand: { name: 'X', colors: { primary: 'blue', onPrimary: '#ffffff', accent: '#000000' } },
      panel: { widthPx: 1920, heightPx: 720, pxPerInch: 5 },
      defaultLocale: 'fr',
      cloudUrl: 'ftp://example',
      extra: true,
    };
    const result = loadVariant(write(bad), PROJECT_ROOT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    expect(result.problems.length).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/brand\.colors\.primary: expected a colour as #rrggbb/);
    expect(text).toMatch(/panel\.pxPerInch: /);
    expect(text).toMatch(/defaultLocale: /);
    expect(text).toMatch(/cloudUrl: expected an http\(s\) URL/);
    expect(text).toMatch(/extra/);
    for (const line of result.problems) expect(line).toMatch(/line\.json: /);
  });

  it.each([
    'http://127.0.0.1:7071/path',
    'http://user:pw@127.0.0.1:7071',
    "http://a;b'c:1",
    'ws://127.0.0.1:7071',
    'http://bridge.example:7071',
    'http://10.0.0.5:7071',
  ])('refuses the bridge URL %j', (bridgeUrl) => {
    const result = loadVariant(write({ ...dev(), bridgeUrl }), PROJECT_ROOT);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/bridgeUrl: /)]);
  });

  it.each([
    ['https://cloud.example', true],
    ['http://127.0.0.1:7072', true],
    ['http://127.1.2.3:7072', true],
    ['http://localhost:7072', true],
    ['http://[::1]:7072', true],
    ['http://cloud.example', false],
    ['http://192.168.1.20:7072', false],
  ])('cloud URL %s is allowed: %s (plain http only on loopback)', (cloudUrl, ok) => {
    const result = loadVariant(write({ ...dev(), cloudUrl }), PROJECT_ROOT);
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.problems.join('\n')).toMatch(/cloudUrl: off loopback the URL must be https/);
  });

  it('refuses a default locale that the variant does not enable', () => {
    const result = loadVariant(
      write({ ...dev(), locales: ['en'], defaultLocale: 'de' }),
      PROJECT_ROOT,
    );
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/defaultLocale: must be one of locales \(en\)/),
    ]);
  });

  it('explains a missing file and broken JSON', () => {
    const missing = loadVariant('no-such-line', PROJECT_ROOT);
    expect(missing.ok ? '' : missing.problems[0]).toMatch(/no-such-line\.json: file not found/);
    const broken = loadVariant(write('{ "name": '), PROJECT_ROOT);
    expect(broken.ok ? '' : broken.problems[0]).toMatch(/not valid JSON/);
  });

  it('stops the host before any UI with a non-zero exit naming each bad field', () => {
    const file = write({ ...dev(), currency: 'dollars', distanceUnit: 'league' });
    const run = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'electron/host/cli.ts'), '--variant', file, '--port', '0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/listening/);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/distanceUnit: /),
      expect.stringMatching(/currency: expected an ISO 4217 code/),
    ]);
  });

  it('refuses a cloud token from the environment when systemd started it', () => {
    const run = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'electron/host/cli.ts'), '--port', '0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
        env: {
          ...process.env,
          DASHPORT_CLOUD_TOKEN: 'k'.repeat(40),
          INVOCATION_ID: '0123456789abcdef0123456789abcdef',
        },
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(/listening/);
    expect(run.stderr).toMatch(/LoadCredential/);
  });

  it.each([
    [
      { ...dev(), engineering: undefined },
      'x',
      /--export-dir: the dev line has no engineering screen/,
    ],
    [dev(), '', /--export-dir needs a folder/],
  ])('refuses an export folder the line cannot use (%#)', (line, exportDir, why) => {
    const run = spawnSync(
      process.execPath,
      [
        join(PROJECT_ROOT, 'electron/host/cli.ts'),
        '--variant',
        write(line),
        '--port',
        '0',
        '--export-dir',
        exportDir,
      ],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(/listening/);
    expect(run.stderr.trim()).toMatch(why);
  });
});
