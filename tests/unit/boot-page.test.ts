import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_SNAPSHOT_ID, type HostSnapshot } from '../../common/hostApi/bootSnapshot.ts';
import { bootSnapshot, withBootSnapshot } from '../../electron/host/bootPage.ts';
import type { Dispatch } from '../../electron/host/dispatch.ts';
import { LANGUAGE_CHUNKS_FILE, readLanguageChunks } from '../../electron/host/languageChunks.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

const BRIDGE_TOKEN = 'bridge-token-0123456789abcdef0123456789abcdef';
const PAGE = '<!doctype html><html><head><title>t</title></head><body></body></html>';

/** The data block's JSON, as the page's own reader would find it. */
function blockOf(html: string): unknown {
  const match = new RegExp(
    `<script type="application/json" id="${BOOT_SNAPSHOT_ID}">(.*?)</script>`,
    's',
  ).exec(html);
  return match ? JSON.parse(match[1]!) : null;
}

describe('the host snapshot written into index.html', () => {
  const tmp = tempDir();
  let host: Host;
  beforeAll(() => {
    host = createHost({
      variant: devVariant({ bridgeAuth: 'token' }),
      dataDir: join(tmp.dir, 'data'),
      version: '0.1.0',
      buildTime: '2026-12-04T00:00:00.000Z',
      transport: 'socket',
      cloudPollMs: 60_000,
      cloudToken: null,
      bridgeToken: BRIDGE_TOKEN,
    });
  });
  afterAll(() => {
    host.close();
    tmp.cleanup();
  });

  it('holds what the four calls answer, and is current at each page load', async () => {
    const call = async (channel: string) => {
      const envelope = await host.dispatch(channel, undefined);
      if (!envelope.ok) throw new Error(channel);
      return envelope.value;
    };
    const expected = {
      config: await call('app.config'),
      system: await call('system.info'),
      settings: await call('settings.get'),
      connectivity: await call('connectivity.get'),
    };
    expect(blockOf(withBootSnapshot(PAGE, await bootSnapshot(host.dispatch)))).toEqual(expected);
    await host.dispatch('settings.update', { language: 'de' });
    const again = blockOf(withBootSnapshot(PAGE, await bootSnapshot(host.dispatch)));
    expect((again as HostSnapshot).settings.language).toBe('de');
  });

  it('never carries the bridge token', async () => {
    const page = withBootSnapshot(PAGE, await bootSnapshot(host.dispatch));
    expect(blockOf(page)).not.toBeNull();
    expect(page).not.toContain(BRIDGE_TOKEN);
  });

  it('is left out when any part fails: the page then asks the host itself', async () => {
    const failing: Dispatch = async (channel, input) =>
      channel === 'settings.get'
        ? { ok: false, error: { code: 'internal', message: 'db closed' } }
        : host.dispatch(channel, input);
    const snapshot = await bootSnapshot(failing);
    expect(snapshot).toBeNull();
    expect(withBootSnapshot(PAGE, snapshot)).toBe(PAGE);
  });

  it.each([
    ['a closing script tag', '</script><script>alert(1)</script>'],
    ['an HTML comment opener', '<!--'],
    ['line and paragraph separators', '\u2028\u2029'],
  ])('cannot be broken out of by %s in a value', (_name, text) => {
    const snapshot = { config: { name: text }, system: {}, settings: {}, connectivity: {} };
    const page = withBootSnapshot(PAGE, snapshot as unknown as HostSnapshot);
    const block = page.slice(page.indexOf(`id="${BOOT_SNAPSHOT_ID}">`));
    expect(block.indexOf('</script>')).toBe(block.lastIndexOf('</script>'));
    expect(block).not.toMatch(/[\u2028\u2029]|<!--/);
    expect(blockOf(page)).toEqual(snapshot);
  });

  it('leaves a page without a head as it is', () => {
    const bare = '<!doctype html><p>x</p>';
    expect(withBootSnapshot(bare, { config: {} } as unknown as HostSnapshot)).toBe(bare);
  });
});

describe('the active language preloaded by the page', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const CHUNKS = { en: 'assets/en-1.js', 'zh-CN': 'assets/zh-CN-2.js', de: 'assets/de-3.js' };
  const withLanguage = (language: string) =>
    ({
      config: {},
      system: {},
      settings: { language },
      connectivity: {},
    }) as unknown as HostSnapshot;
  const preloads = (html: string) =>
    [...html.matchAll(/<link rel="modulepreload" crossorigin href="\.\/([^"]+)" \/>/g)].map(
      (m) => m[1],
    );

  it.each([
    ['en', 'assets/en-1.js'],
    ['zh-CN', 'assets/zh-CN-2.js'],
    ['de', 'assets/de-3.js'],
  ])('names the %s chunk and no other', (language, chunk) => {
    expect(preloads(withBootSnapshot(PAGE, withLanguage(language), CHUNKS))).toEqual([chunk]);
  });

  it('names none when the build lists no chunk for the language, or there is no snapshot', () => {
    expect(preloads(withBootSnapshot(PAGE, withLanguage('de'), { en: 'assets/en-1.js' }))).toEqual(
      [],
    );
    expect(withBootSnapshot(PAGE, null, CHUNKS)).toBe(PAGE);
  });

  const root = (name: string, content: string | null) => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    if (content !== null) writeFileSync(join(dir, LANGUAGE_CHUNKS_FILE), content);
    return dir;
  };

  it("reads the build's list", async () => {
    expect(await readLanguageChunks(root('good', JSON.stringify(CHUNKS)))).toEqual(CHUNKS);
  });

  it.each([
    ['no file', null],
    ['not JSON', '{en:'],
    ['not an object', '["assets/en-1.js"]'],
    ['a path outside assets/', JSON.stringify({ en: '../../etc/passwd.js' })],
    ['markup in a path', JSON.stringify({ en: 'assets/x.js" /><script>alert(1)</script>' })],
    ['a language we do not ship', JSON.stringify({ fr: 'assets/fr-1.js' })],
  ])('names no chunk from %s', async (name, content) => {
    expect(await readLanguageChunks(root(name.replace(/\W+/g, '-'), content))).toEqual({});
  });
});
