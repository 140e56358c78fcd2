import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOT_SNAPSHOT_ID } from '../../common/hostApi/bootSnapshot.ts';
import { readBootSnapshot } from '../../renderer/host/bootSnapshot.ts';
import { devVariant } from '../support/devVariant.ts';
import { renderApp, type Harness } from './harness.tsx';

const SNAPSHOT = {
  config: devVariant(),
  system: { name: 'dashport', version: '0.1.0' },
  settings: { language: 'zh-CN', distanceUnit: 'mi', themeMode: 'night' },
  connectivity: { cloud: 'online' },
};

function pageWith(blockText: string | null): Document {
  const block =
    blockText === null
      ? ''
      : `<script type="application/json" id="${BOOT_SNAPSHOT_ID}">${blockText}</script>`;
  return new DOMParser().parseFromString(
    `<html><head>${block}</head><body></body></html>`,
    'text/html',
  );
}

describe('the snapshot the host wrote into the page', () => {
  it('is read when it has the shape the first paint relies on', () => {
    expect(readBootSnapshot(pageWith(JSON.stringify(SNAPSHOT)))).toEqual(SNAPSHOT);
  });

  it.each([
    ['no block', null],
    ['an empty block', ''],
    ['broken JSON', '{"config":'],
    ['not an object', '[1,2]'],
    ['a missing part', JSON.stringify({ ...SNAPSHOT, connectivity: undefined })],
    [
      'an unknown language',
      JSON.stringify({ ...SNAPSHOT, settings: { ...SNAPSHOT.settings, language: 'fr' } }),
    ],
    [
      'an unknown theme',
      JSON.stringify({ ...SNAPSHOT, settings: { ...SNAPSHOT.settings, themeMode: 'pink' } }),
    ],
    [
      'a config without a bridge address',
      JSON.stringify({ ...SNAPSHOT, config: { ...SNAPSHOT.config, bridgeUrl: 7 } }),
    ],
  ])('is null with %s (the page asks the host instead)', (_name, text) => {
    expect(readBootSnapshot(pageWith(text))).toBeNull();
  });
});

describe('booting without the page snapshot', () => {
  let app: Harness | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('asks the host and shows the same home', async () => {
    app = await renderApp({ askHost: true });
    expect(screen.getByTestId('speed-value').textContent).toBe('—');
    expect(app.store.getState().settings.language).toBe('en');
    expect(app.store.getState().config.name).toBe(devVariant().name);
  });
});
