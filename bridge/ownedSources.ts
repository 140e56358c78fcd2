import type { VssValue } from '../common/vss/types.ts';
import type { SignalStore } from './signalStore.ts';
import type { SignalSource, SourceHandle } from './sources.ts';

/** One of several sources run together, and the paths it may write. */
export interface OwnedSource {
  label: string;
  source: SignalSource;
  /** The paths it owns, or 'rest': every path no other source owns (a simulator filling in). */
  owns: ReadonlySet<string> | 'rest';
}

export class SourceOwnershipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceOwnershipError';
  }
}

/** A view of the store that lets a source write only its own paths; other writes are counted. */
function ownedStore(store: SignalStore, may: (path: string) => boolean, refused: { n: number }) {
  const deny = { ok: false as const, reason: 'path owned by another source' };
  return {
    ...store,
    set: (path: string, value: VssValue, tsMs?: number) =>
      may(path) ? store.set(path, value, tsMs) : (refused.n++, deny),
    setText: (path: string, text: string, tsMs?: number) =>
      may(path) ? store.setText(path, text, tsMs) : (refused.n++, deny),
    forget: (path: string) => {
      if (may(path)) store.forget(path);
    },
  } satisfies SignalStore;
}

/**
 * Runs several sources as one, each owning its paths (CAN for the vehicle, a trace or the
 * simulator for position, say). Two sources claiming one path, or two claiming the rest, is a
 * start-up error: a value must have one origin.
 */
export function combineSources(parts: readonly OwnedSource[]): {
  source: SignalSource;
  refused: () => number;
} {
  const claimed = new Map<string, string>();
  const clashes: string[] = [];
  let rest: string | null = null;
  for (const part of parts) {
    if (part.owns === 'rest') {
      if (rest) clashes.push(`${rest} and ${part.label} both claim the remaining paths`);
      rest = part.label;
      continue;
    }
    for (const path of part.owns) {
      const other = claimed.get(path);
      if (other) clashes.push(`${path} is claimed by ${other} and ${part.label}`);
      else claimed.set(path, part.label);
    }
  }
  if (clashes.length > 0) throw new SourceOwnershipError(clashes.join('; '));
  const refused = { n: 0 };
  const source: SignalSource = (store) => {
    const handles: SourceHandle[] = parts.map((part) => {
      const owns = part.owns;
      const may = owns === 'rest' ? (p: string) => !claimed.has(p) : (p: string) => owns.has(p);
      return part.source(ownedStore(store, may, refused));
    });
    return {
      stop: () => handles.forEach((h) => h.stop()),
      pause: () => handles.forEach((h) => h.pause?.()),
      resume: () => handles.forEach((h) => h.resume?.()),
    };
  };
  return { source, refused: () => refused.n };
}
