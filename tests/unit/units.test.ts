import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEMD_UNITS } from '../../scripts/lib/deb.ts';
import { BRIDGE_CREDENTIAL, unitForLine } from '../../scripts/lib/units.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

const shipped = (unit: string) => readFileSync(join(PROJECT_ROOT, 'build/systemd', unit), 'utf8');
const tmp = tempDir('dashport-units-');
afterAll(() => tmp.cleanup());

const LOCAL = 'http://127.0.0.1:7071';
const line = (bridgeAuth: 'none' | 'token', bridgeUrl = LOCAL) => ({ bridgeAuth, bridgeUrl });

describe('units as a vehicle line needs them', () => {
  it.each([
    ['dashport.service', 'none', null],
    ['dashport.service', 'token', /^LoadCredential=cloud-token:/],
    ['dashport-host.service', 'none', null],
    ['dashport-host.service', 'token', /^LoadCredential=cloud-token:/],
    // The kiosk holds no token on either line; the bridge has no cloud token to sit beside.
    ['dashport-browser.service', 'none', null],
    ['dashport-browser.service', 'token', null],
    ['dashport-bridge.service', 'none', null],
    ['dashport-bridge.service', 'token', /^EnvironmentFile=/],
  ] as const)('%s on a "%s" line: bridge token after %s', (unit, bridgeAuth, after) => {
    const text = unitForLine(unit, shipped(unit), line(bridgeAuth));
    const lines = text.split('\n');
    const at = lines.indexOf(BRIDGE_CREDENTIAL);
    if (after === null) {
      expect(at).toBe(-1);
      expect(text).toBe(shipped(unit));
      return;
    }
    // In [Service], after its anchor and a comment, and nothing else changed.
    expect(lines[at - 2]).toMatch(after);
    expect(lines.filter((_, i) => i !== at && i !== at - 1).join('\n')).toBe(shipped(unit));
    expect(lines.indexOf('[Service]')).toBeGreaterThan(-1);
    expect(lines.indexOf('[Service]')).toBeLessThan(at);
  });

  it.each([
    ['http://127.0.0.1:7071', '--port 7071'],
    ['http://127.0.0.1:7181', '--port 7181'],
    ['http://localhost:9000', '--port 9000'],
    // No port in the URL: the protocol's own.
    ['http://localhost', '--port 80'],
    // An OEM bridge elsewhere: ours is not the one the app uses, and keeps its port.
    ['https://bridge.example.com:8443', '--port 7071'],
  ])('the bridge listens where a line with bridgeUrl %s looks for it: %s', (url, port) => {
    const text = unitForLine('dashport-bridge.service', shipped('dashport-bridge.service'), {
      bridgeAuth: 'none',
      bridgeUrl: url,
    });
    const exec = text.split('\n').find((l) => l.startsWith('ExecStart='));
    expect(exec).toContain(` ${port}`);
    expect(exec).toContain('--host 127.0.0.1');
  });

  it('refuses a unit without the line its token goes after, rather than leave the token out', () => {
    expect(() =>
      unitForLine('dashport.service', '[Service]\nExecStart=/bin/true\n', line('token')),
    ).toThrow(/dashport\.service: no "LoadCredential=cloud-token/);
  });

  it("a token line's units, and a line's bridge on another port, pass systemd-analyze verify", () => {
    const files = SYSTEMD_UNITS.map((unit) => {
      const file = join(tmp.dir, unit);
      writeFileSync(file, unitForLine(unit, shipped(unit), line('token', 'http://127.0.0.1:7181')));
      return file;
    });
    const verify = spawnSync('systemd-analyze', ['verify', ...files], { encoding: 'utf8' });
    expect(verify.stderr).not.toMatch(/dashport[\w-]*\.service:/);
    expect(verify.status).toBe(0);
  });
});
