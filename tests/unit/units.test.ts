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

describe('units as a vehicle line needs them', () => {
  it.each([
    ['dashport.service', 'none', false],
    ['dashport.service', 'token', true],
    ['dashport-host.service', 'none', false],
    ['dashport-host.service', 'token', true],
    // The kiosk holds no token on either line.
    ['dashport-browser.service', 'none', false],
    ['dashport-browser.service', 'token', false],
  ] as const)('%s on a "%s" line loads the bridge token: %s', (unit, bridgeAuth, loads) => {
    const text = unitForLine(unit, shipped(unit), bridgeAuth);
    expect(text.split('\n').includes(BRIDGE_CREDENTIAL)).toBe(loads);
    if (!loads) {
      expect(text).toBe(shipped(unit));
      return;
    }
    // In [Service], right after the cloud token's line, and nothing else changed.
    const lines = text.split('\n');
    const at = lines.indexOf(BRIDGE_CREDENTIAL);
    expect(lines[at - 2]).toMatch(/^LoadCredential=cloud-token:/);
    expect(lines.filter((_, i) => i !== at && i !== at - 1).join('\n')).toBe(shipped(unit));
    const service = lines.indexOf('[Service]');
    expect(service).toBeGreaterThan(-1);
    expect(service).toBeLessThan(at);
  });

  it('refuses a unit without the cloud token line rather than leave the token out', () => {
    expect(() =>
      unitForLine('dashport.service', '[Service]\nExecStart=/bin/true\n', 'token'),
    ).toThrow(/dashport\.service: no "LoadCredential=cloud-token/);
  });

  it("a token line's units pass systemd-analyze verify", () => {
    const files = SYSTEMD_UNITS.map((unit) => {
      const file = join(tmp.dir, unit);
      writeFileSync(file, unitForLine(unit, shipped(unit), 'token'));
      return file;
    });
    const verify = spawnSync('systemd-analyze', ['verify', ...files], { encoding: 'utf8' });
    expect(verify.stderr).not.toMatch(/dashport[\w-]*\.service:/);
    expect(verify.status).toBe(0);
  });
});
