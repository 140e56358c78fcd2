import { describe, expect, it } from 'vitest';
import { parseCli } from '../../bridge/cliArgs.ts';

describe('bridge command line defaults', () => {
  it('binds to loopback, with no control channel and no client token file unless asked', () => {
    expect(parseCli([])).toMatchObject({
      ok: true,
      config: { host: '127.0.0.1', control: null, clientTokenFile: null },
    });
  });

  it('takes a client token file, and refuses an empty name', () => {
    expect(parseCli(['--client-token-file', '/run/credentials/bridge-token'])).toMatchObject({
      ok: true,
      config: { clientTokenFile: '/run/credentials/bridge-token' },
    });
    expect(parseCli(['--client-token-file', ''])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--client-token-file must name a file/),
    });
  });
});
