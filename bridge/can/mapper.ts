import type { Logger } from '../../common/log.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import type { SignalStore } from '../signalStore.ts';
import type { CanFrame } from './candump.ts';
import { decodeSignal } from './decode.ts';
import { planKey, type CanProfile } from './profile.ts';

export interface CanStats {
  frames: number;
  /** Frames of a message the profile maps. */
  mapped: number;
  /** Ids no mapping needs: normal on a real bus, counted only. */
  unknownIds: number;
  remoteFrames: number;
  /** Frames too short for a signal the profile maps (a DLC below the DBC's). */
  shortFrames: number;
  published: number;
  /** Times a bus fell silent and its values were forgotten. */
  silences: number;
  /** Values the VSS validation refused (out of range, wrong type); never passed on. */
  rejected: number;
}

/** A bus that sends nothing for this long has stopped (real buses carry thousands of frames a second). */
export const SILENT_AFTER_MS = 500;

/** Reasons logged one by one up to this many each; the rest only counted. */
const LOGGED_PER_REASON = 10;

/**
 * Turns CAN frames into VSS values through a profile: decode, transform, publish on change or at
 * most every `intervalMs` of bus time, and through the store's VSS validation like every other
 * source. Holds one last value per mapped path: memory does not grow with the traffic.
 */
export function createCanMapper(profile: CanProfile, store: SignalStore, logger?: Logger) {
  const stats: CanStats = {
    frames: 0,
    mapped: 0,
    unknownIds: 0,
    remoteFrames: 0,
    shortFrames: 0,
    published: 0,
    rejected: 0,
    silences: 0,
  };
  /** Wall time of each bus's last frame; a bus quiet for SILENT_AFTER_MS has stopped. */
  const lastFrame = new Map<string, number>();
  const silent = new Set<string>();
  const pathsOf = new Map<string, VssPath[]>();
  for (const plan of profile.plans.values()) {
    pathsOf.set(plan.bus, [...(pathsOf.get(plan.bus) ?? []), ...plan.outputs.map((o) => o.path)]);
  }
  const last = new Map<VssPath, { value: VssValue; atMs: number }>();
  const logged = new Map<string, number>();
  const note = (reason: string, fields: Record<string, unknown>) => {
    const n = logged.get(reason) ?? 0;
    if (n >= LOGGED_PER_REASON) return;
    logged.set(reason, n + 1);
    logger?.warn(`can.${reason}`, fields);
  };

  return {
    stats: (): CanStats => ({ ...stats }),
    /** Decodes one frame; `nowMs` stamps what is published (wall clock). */
    frame(frame: CanFrame, nowMs = Date.now()): void {
      stats.frames++;
      lastFrame.set(frame.iface, nowMs);
      if (silent.delete(frame.iface)) logger?.info('can.bus_back', { bus: frame.iface });
      if (frame.remote) {
        stats.remoteFrames++;
        return;
      }
      const plan = profile.plans.get(planKey(frame.iface, frame.id, frame.extended));
      if (!plan) {
        stats.unknownIds++;
        return;
      }
      stats.mapped++;
      const busMs = frame.tsUs / 1000;
      for (const out of plan.outputs) {
        const decoded = decodeSignal(plan.message, out.signal, frame.data);
        if (!decoded.ok) {
          if (decoded.reason === 'short_frame') {
            stats.shortFrames++;
            note('short_frame', {
              bus: frame.iface,
              id: frame.id,
              dlc: frame.data.length,
              needs: out.signal.needBytes,
              path: out.path,
            });
          }
          continue;
        }
        let input = decoded.value;
        if (out.add) {
          const extra = decodeSignal(plan.message, out.add, frame.data);
          if (!extra.ok) continue;
          input += extra.value;
        }
        const value = out.transform(input);
        if (value === undefined) continue; // a value-table entry the mapping does not carry
        const held = last.get(out.path);
        if (held) {
          if (out.intervalMs === null ? held.value === value : busMs - held.atMs < out.intervalMs) {
            continue;
          }
        }
        const written = store.set(out.path, value, nowMs);
        if (!written.ok) {
          stats.rejected++;
          note('rejected', { path: out.path, value, reason: written.reason });
          continue;
        }
        stats.published++;
        last.set(out.path, { value, atMs: busMs });
      }
    },
    /**
     * Forgets the values of every bus that sent nothing for SILENT_AFTER_MS, so readers see them
     * go unknown (and restrict themselves) instead of trusting the last frame forever.
     */
    checkSilence(nowMs = Date.now()): void {
      for (const [bus, at] of lastFrame) {
        if (silent.has(bus) || nowMs - at < SILENT_AFTER_MS) continue;
        silent.add(bus);
        stats.silences++;
        for (const path of pathsOf.get(bus) ?? []) {
          store.forget(path);
          last.delete(path);
        }
        logger?.warn('can.bus_silent', { bus, silentForMs: nowMs - at });
      }
    },
    /** A new pass of a replay starts from nothing: every value is published again. */
    reset(): void {
      last.clear();
    },
  };
}

export type CanMapper = ReturnType<typeof createCanMapper>;
