/**
 * The Debian package's metadata, as pure functions of the build: control fields, conffiles and
 * maintainer scripts. scripts/dist.ts lays out the tree and calls dpkg-deb; tests read these back
 * from the built .deb.
 */

export type DebArch = 'amd64' | 'arm64';

/**
 * What units beyond the Electron one use: Chromium for browser mode, can-utils' candump for the
 * bridge's live CAN buses.
 */
export const SUGGESTS = ['chromium', 'can-utils'];

/** What Electron 45 needs from Debian 12 at run time, and the kiosk compositor. */
export const RUNTIME_DEPENDS = [
  'cage',
  'libasound2',
  'libatk-bridge2.0-0',
  'libatk1.0-0',
  'libcups2',
  'libdrm2',
  'libgbm1',
  'libgtk-3-0',
  'libnss3',
  'libxkbcommon0',
  'systemd',
] as const;

export interface DebInfo {
  version: string;
  arch: DebArch;
  variant: string;
  maintainer: string;
  installedSizeKb: number;
}

/** The one-line synopsis dpkg and apt list (under 80 characters, Debian policy 3.4.1). */
export const SYNOPSIS = 'in-car lifestyle services and dashboard ordering for head units';

/** The extended description, wrapped under 80 columns. */
const DESCRIPTION = [
  'Order-ahead coffee and food, fuel and charging, parking and service booking,',
  "the status of the car's lease, and ordering from the dashboard, using the",
  "car's own signals. Runs under the cage Wayland kiosk as the dashport user,",
  'in Electron (dashport.service) or, on units without it, in Chromium against a',
  'loopback host (dashport-browser.service). Its own vehicle-bus bridge, which',
  "reads the car's CAN buses, is there for units without one (dashport-bridge).",
];

export function controlFile(info: DebInfo): string {
  return [
    'Package: dashport',
    `Version: ${info.version}`,
    `Architecture: ${info.arch}`,
    `Maintainer: ${info.maintainer}`,
    `Installed-Size: ${info.installedSizeKb}`,
    `Depends: ${RUNTIME_DEPENDS.join(', ')}`,
    // Browser mode and the bridge also need Node.js 22.12+, which Debian 12 does not carry, so
    // that is documented rather than declared.
    `Suggests: ${SUGGESTS.join(', ')}`,
    'Section: misc',
    'Priority: optional',
    `Description: ${SYNOPSIS}`,
    ...[...DESCRIPTION, '', `Built for the ${info.variant} vehicle line.`].map((l) =>
      l.trim() === '' ? ' .' : ` ${l.trim()}`,
    ),
    '',
  ].join('\n');
}

/** Files under /etc an engineer may edit on the unit: an upgrade asks before replacing them. */
export const CONFFILES = ['/etc/dashport/dashport.env', '/etc/pam.d/dashport'] as const;

/**
 * DEBIAN/md5sums, for `dpkg --verify` on a unit: every installed file but the conffiles (dpkg
 * keeps their sums itself), paths without the leading slash, sorted.
 */
export function md5sumsFile(files: ReadonlyArray<readonly [path: string, md5: string]>): string {
  const conffiles = new Set<string>(CONFFILES.map((file) => file.slice(1)));
  return [...files]
    .filter(([path]) => !conffiles.has(path))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, md5]) => `${md5}  ${path}\n`)
    .join('');
}

/** The vehicle line the unit runs, read by dashport.service's EnvironmentFile. */
export function envFile(variant: string): string {
  return [
    '# Dashport on this head unit. The vehicle line is one of /opt/dashport/resources/variants.',
    `DASHPORT_VARIANT=${variant}`,
    '',
  ].join('\n');
}

/**
 * After install: create the system user. Nothing is enabled or started unasked: the engineer runs
 * `systemctl enable --now dashport.service` when the unit is ready (README).
 */
export const POSTINST = `#!/bin/sh
set -e
if [ "$1" = "configure" ]; then
  if command -v systemd-sysusers >/dev/null 2>&1; then
    systemd-sysusers dashport.conf
  fi
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null || true
  fi
fi
exit 0
`;

/**
 * The units in build/systemd the package installs: the Electron kiosk, browser mode's host and
 * kiosk, and the vehicle-bus bridge. None is enabled by the package.
 */
export const SYSTEMD_UNITS = [
  'dashport.service',
  'dashport-host.service',
  'dashport-browser.service',
  'dashport-bridge.service',
] as const;

/** Before removal: stop whichever units run, so their files are not pulled from under them. */
export const PRERM = `#!/bin/sh
set -e
if [ "$1" = "remove" ] && [ -d /run/systemd/system ]; then
  deb-systemd-invoke stop ${SYSTEMD_UNITS.join(' ')} >/dev/null 2>&1 || true
fi
exit 0
`;

/** After removal: forget the unit; on purge, the unit's data and caches go too. */
export const POSTRM = `#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload >/dev/null || true
fi
if [ "$1" = "purge" ]; then
  rm -rf /var/lib/dashport /var/cache/dashport
fi
exit 0
`;

export const COPYRIGHT = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: dashport
Source: https://example.com/dashport

Files: *
Copyright: 2026 Dashport
License: proprietary
 All rights reserved.
`;

/**
 * Lintian's archive policy, overridden where a vendor package for a head unit differs on purpose:
 * the app lives in /opt/dashport (FHS: add-on application software, as the OEM image expects).
 */
export const LINTIAN_OVERRIDES = `# A vendor add-on for head units, not a Debian archive package: /opt is its place (FHS 3.13).
dashport: dir-or-file-in-opt
`;
