/**
 * electron-builder.yml read and validated by electron-builder's own loader and schema (so a typo
 * in a fuse name fails here, not on the build machine), and the systemd kiosk unit's essentials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_DISABLED_FEATURES } from '../e2e/browser.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await getConfig(projectRoot, join(projectRoot, 'electron-builder.yml'), null);
  });

  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is the schema that catches mistakes (a misspelt fuse is rejected)', async () => {
    const typo = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsnode: false },
    } as Configuration;
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('flips the security fuses (DESIGN §11)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names the product and packs only the built bundles', () => {
    expect(config.productName).toBe('Dashport');
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    const files = JSON.stringify(config.files);
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    // Main and preload are self-contained bundles; production node_modules stay out of the asar.
    expect(files).toContain('!node_modules/**');
    expect(files).not.toMatch(/"(electron|renderer|common|bridge|cloud|tests)\//);
  });

  it('ships the variants as extra resources in <resources>/variants', () => {
    expect(config.extraResources).toEqual([
      { from: 'build/variants', to: 'variants', filter: ['*.json'] },
    ]);
  });

  it('packs the dir target for linux arm64 and x64 (scripts/dist.ts makes the tar.gz and .deb)', () => {
    const targets = config.linux?.target as Array<{ target: string; arch: string[] }>;
    expect(targets).toEqual([{ target: 'dir', arch: ['arm64', 'x64'] }]);
  });

  it('documents the offline electronDist route', () => {
    const text = readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8');
    expect(text).toMatch(/#.*-c\.electronDist=/);
  });
});

describe('build/systemd/dashport.service', () => {
  const unit = readFileSync(join(projectRoot, 'build/systemd/dashport.service'), 'utf8');
  /** Every `Key=value` of the unit outside comments. */
  const settings = unit
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  const values = (key: string) => settings.filter(([k]) => k === key).map(([, v]) => v);

  it.each([
    ['User', 'dashport'],
    ['Group', 'dashport'],
    ['Restart', 'on-failure'],
    ['NoNewPrivileges', 'yes'],
    ['ProtectSystem', 'full'],
    ['ProtectHome', 'yes'],
    ['PrivateTmp', 'yes'],
  ])('%s=%s', (key, value) => {
    expect(values(key)).toEqual([value]);
  });

  it('runs the app under cage with Wayland Ozone, never without the sandbox', () => {
    const [exec] = values('ExecStart');
    expect(exec).toMatch(/^\/usr\/bin\/cage\b.* -- \/opt\/dashport\/dashport\b/);
    expect(exec).toContain('--ozone-platform=wayland');
    expect(exec).not.toMatch(/--no-sandbox|--disable-gpu-sandbox|--inspect|--remote-debugging/);
  });

  it('does not set the options known to break Electron or cage', () => {
    for (const key of [
      'MemoryDenyWriteExecute',
      'RestrictNamespaces',
      'PrivateDevices',
      'SystemCallFilter',
      'ProtectClock',
    ]) {
      expect(values(key), key).toEqual([]);
    }
  });

  it('keeps the host database in the state directory systemd creates for the user', () => {
    expect(values('StateDirectory')).toEqual(['dashport']);
    expect(values('Environment')).toContain('DASHPORT_DATA_DIR=/var/lib/dashport/data');
  });

  it('ships the PAM stack and system user it refers to', () => {
    expect(values('PAMName')).toEqual(['dashport']);
    const pam = readFileSync(join(projectRoot, 'build/systemd/dashport.pam'), 'utf8');
    expect(pam).toMatch(/^session\s+required\s+pam_systemd\.so$/m);
    expect(pam).not.toContain('pam_permit');
    const sysusers = readFileSync(join(projectRoot, 'build/systemd/dashport.sysusers'), 'utf8');
    expect(sysusers).toMatch(/^u dashport - ".+" \/var\/lib\/dashport \/usr\/sbin\/nologin$/m);
  });
});

describe('build/systemd/dashport-browser.service', () => {
  const unit = readFileSync(join(projectRoot, 'build/systemd/dashport-browser.service'), 'utf8');

  it('turns off exactly the Chromium features the bench and the kiosk test turn off', () => {
    const exec = unit.split('\n').find((line) => line.startsWith('ExecStart='));
    const flags = exec?.match(/--disable-features=(\S+)/g) ?? [];
    // Chromium honours one --disable-features; a second would silently replace the first.
    expect(flags).toHaveLength(1);
    const features = (flags[0] ?? '').slice('--disable-features='.length).split(',').sort();
    expect(features).toEqual(UNIT_DISABLED_FEATURES.split(',').sort());
    expect(features).toContain('BackgroundResourceFetch');
  });
});
