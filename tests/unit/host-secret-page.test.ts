import { describe, expect, it } from 'vitest';
import { takeHostSecret } from '../../renderer/host/hostSecret.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('the page takes the host secret from its launch address', () => {
  it('keeps it for reloads and clears it from the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const location = { hash: '#secret=abc-DEF_1', pathname: '/', search: '?x=1' };
    expect(takeHostSecret(location, storage, (url) => replaced.push(url))).toBe('abc-DEF_1');
    expect(replaced).toEqual(['/?x=1']);
    // The reload: the fragment is gone, the tab's storage still has it.
    expect(takeHostSecret({ ...location, hash: '' }, storage, (url) => replaced.push(url))).toBe(
      'abc-DEF_1',
    );
    expect(replaced).toHaveLength(1);
  });

  it('has none when launched without one', () => {
    expect(
      takeHostSecret({ hash: '#other=1', pathname: '/', search: '' }, memoryStorage(), () => {
        throw new Error('nothing to clear');
      }),
    ).toBeNull();
  });
});
