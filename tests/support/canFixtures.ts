import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './devVariant.ts';

/** The real RAV4 recording and what two independent decoders made of it (../shared/can). */
export const SHARED_CAN = join(PROJECT_ROOT, '..', 'shared', 'can');
export const RAV4_LOG_10S = join(
  SHARED_CAN,
  'logs',
  'comma2k19_rav4_2018-08-02--08-34-47_seg40_first10s.log',
);
export const RAV4_LOG_FULL_XZ = join(
  SHARED_CAN,
  'logs',
  'comma2k19_rav4_2018-08-02--08-34-47_seg40.log.xz',
);
export const TOYOTA_DBC = join(SHARED_CAN, 'dbc', 'toyota_new_mc_pt_generated.dbc');

export interface SignalStats {
  samples: number;
  first: number;
  last: number;
  min: number;
  max: number;
  first_ts: string;
  last_ts: string;
  distinct?: Record<string, number>;
}

export interface ExpectedSignal {
  interface: string;
  can_id: number;
  message: string;
  signal: string;
  frames: number;
  stats: SignalStats;
  vss?: { path: string; stats: SignalStats };
}

export interface ExpectedSummary {
  frames: number;
  signals: Record<string, ExpectedSignal>;
  ids: Record<string, { frames: number; tx_echo: boolean }>;
}

export function expectedSummary(log: '10s' | 'full'): ExpectedSummary {
  const name =
    log === '10s'
      ? 'comma2k19_rav4_2018-08-02--08-34-47_seg40_first10s.log.summary.json'
      : 'comma2k19_rav4_2018-08-02--08-34-47_seg40.log.summary.json';
  return JSON.parse(readFileSync(join(SHARED_CAN, 'expected', name), 'utf8')) as ExpectedSummary;
}

/** The full minute, decompressed with Debian's xz (the file is stored compressed). */
export function fullLogText(): string {
  return execFileSync('xz', ['-dc', RAV4_LOG_FULL_XZ], { encoding: 'utf8', maxBuffer: 64 << 20 });
}
