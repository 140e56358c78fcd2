/*
 * A shipped system unit (build/systemd/*.service) turned into one that a private systemd user
 * manager can run, so that tests exercise the unit's real lifecycle: its dependencies on other
 * Dashport units, its restart policy, its runtime directory, its start commands. What a user
 * manager cannot do (another user, a TTY, a PAM session, the sandboxing) is left out; it is
 * checked elsewhere (`systemd-analyze verify` in tests/unit/dist.test.ts).
 */

/** [Unit] keys whose values list units: only the Dashport ones are kept (no getty, logind, ...). */
const DEPENDENCIES = [
  'Requires',
  'Requisite',
  'BindsTo',
  'PartOf',
  'Upholds',
  'Wants',
  'After',
  'Before',
  'Conflicts',
  'PropagatesStopTo',
  'StopPropagatedFrom',
];

/** The keys a unit's life depends on; every other key is dropped. */
const KEPT: Record<string, readonly string[]> = {
  Unit: [...DEPENDENCIES, 'StartLimitIntervalSec', 'StartLimitBurst'],
  Service: [
    'Type',
    'Restart',
    'RestartSec',
    'TimeoutStopSec',
    'RuntimeDirectory',
    'RuntimeDirectoryMode',
    'RuntimeDirectoryPreserve',
    'Environment',
    'EnvironmentFile',
    'LoadCredential',
    'ExecStartPre',
    'ExecStart',
    'ExecStartPost',
    'ExecStop',
    'ExecStopPost',
  ],
};

export interface UserUnitOptions {
  /** Literal text replacements in every kept value, in order (system paths to test paths). */
  paths: ReadonlyArray<readonly [from: string, to: string]>;
  /** Replaces the unit's ExecStart (a compositor cannot run here); the original when absent. */
  execStart?: string;
}

/** The unit as a user manager runs it (keys of other sections dropped); throws without an ExecStart. */
export function userUnit(text: string, options: UserUnitOptions): string {
  const out: string[] = [];
  let section = '';
  let hasExec = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      if (section !== 'Install') out.push(line);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`not a unit line: ${line}`);
    const key = line.slice(0, eq);
    let value = line.slice(eq + 1);
    if (!(KEPT[section] ?? []).includes(key)) continue;
    if (section === 'Unit' && DEPENDENCIES.includes(key)) {
      value = value
        .split(/\s+/)
        .filter((unit) => unit.startsWith('dashport'))
        .join(' ');
      if (value === '') continue;
    }
    if (key === 'ExecStart') {
      hasExec = true;
      if (options.execStart !== undefined) value = options.execStart;
    }
    for (const [from, to] of options.paths) value = value.replaceAll(from, to);
    out.push(`${key}=${value}`);
  }
  if (!hasExec) throw new Error('the unit has no ExecStart');
  return `${out.join('\n')}\n`;
}
