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
  /**
   * Where the unit's credentials are put for it (`$CREDENTIALS_DIRECTORY`). A user manager here
   * loads none: the folder it makes stays empty, even for SetCredential= (systemd 252, in the
   * tests' mount namespace). So the test loads them as systemd would, from `credentials`.
   */
  credentialsDir?: string;
}

export interface UserUnit {
  text: string;
  /** The unit's LoadCredential= pairs, paths mapped: each source goes to credentialsDir/<id>. */
  credentials: [id: string, source: string][];
}

/** The unit as a user manager runs it (keys of other sections dropped); throws without an ExecStart. */
export function userUnit(text: string, options: UserUnitOptions): UserUnit {
  const out: string[] = [];
  const credentials: [string, string][] = [];
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
    if (section === 'Service' && key === 'LoadCredential') {
      const [id, source] = value.split(':') as [string, string];
      credentials.push([id, mapped(source, options)]);
      continue;
    }
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
    out.push(`${key}=${mapped(value, options)}`);
  }
  if (!hasExec) throw new Error('the unit has no ExecStart');
  if (credentials.length > 0) {
    if (options.credentialsDir === undefined)
      throw new Error('the unit loads credentials: name credentialsDir');
    out.splice(
      out.indexOf('[Service]') + 1,
      0,
      `Environment=CREDENTIALS_DIRECTORY=${options.credentialsDir}`,
    );
  }
  return { text: `${out.join('\n')}\n`, credentials };
}

function mapped(value: string, options: UserUnitOptions): string {
  let result = value;
  for (const [from, to] of options.paths) result = result.replaceAll(from, to);
  return result;
}
