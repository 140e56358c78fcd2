/**
 * A DBC file's messages, signals and value tables: what the decoder needs, nothing else (node
 * and attribute sections are skipped). Our own parser: the one npm DBC library (candied 2.2.0)
 * decodes Motorola signals wrongly, and nearly every Toyota and Ford signal is Motorola.
 */

export type ByteOrder = 'intel' | 'motorola';

export interface DbcSignal {
  name: string;
  /** DBC start bit: the LSB for Intel, the MSB (sawtooth numbering) for Motorola. */
  startBit: number;
  length: number;
  byteOrder: ByteOrder;
  signed: boolean;
  factor: number;
  offset: number;
  /**
   * The DBC's declared range; null when it gives none ([0|0], as opendbc often does). Reported,
   * not enforced: real DBCs declare raw ranges here ([0|65535] on a scaled signal), so the VSS
   * range of the mapped path is what decides.
   */
  min: number | null;
  max: number | null;
  unit: string;
  /** This signal selects which multiplexed signals a frame carries. */
  multiplexor: boolean;
  /** Decoded only when the message's multiplexor has this value. */
  multiplexValue: number | null;
  /** VAL_ table: raw value -> label. */
  values: ReadonlyMap<number, string>;
}

export interface DbcMessage {
  /** The CAN identifier without the DBC's extended-frame flag. */
  id: number;
  extended: boolean;
  name: string;
  length: number;
  signals: DbcSignal[];
}

export interface Dbc {
  messages: DbcMessage[];
  /** `MESSAGE.SIGNAL` -> its message and signal. */
  byName: ReadonlyMap<string, { message: DbcMessage; signal: DbcSignal }>;
}

export class DbcError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DbcError';
    this.file = file;
    this.line = line;
  }
}

/** Bit 31 of a DBC message id marks an extended (29-bit) frame. */
const EXTENDED_FLAG = 0x80000000;
const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const BO = /^BO_\s+(\d+)\s+(\w+)\s*:\s*(\d+)\s+(\S+)\s*$/;
const SG = new RegExp(
  String.raw`^SG_\s+(\w+)\s*(M|m\d+M?)?\s*:\s*(\d+)\|(\d+)@([01])([+-])\s*\(\s*(${NUMBER})\s*,\s*(${NUMBER})\s*\)\s*\[\s*(${NUMBER})\s*\|\s*(${NUMBER})\s*\]\s*"([^"]*)"`,
);
const VAL = /^VAL_\s+(\d+)\s+(\w+)\s+(.*);\s*$/;
const VAL_PAIR = new RegExp(String.raw`(${NUMBER})\s+"([^"]*)"`, 'g');

/** Comments may span lines and hold anything: they go before the line-by-line parse. */
function stripComments(text: string): string {
  return text.replace(/CM_\s[^"]*"(?:[^"\\]|\\.)*"\s*;/g, (m) => m.replace(/[^\n]/g, ' '));
}

export function parseDbc(text: string, file = 'dbc'): Dbc {
  const messages: DbcMessage[] = [];
  const byId = new Map<number, DbcMessage>();
  let current: DbcMessage | null = null;
  const lines = stripComments(text).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = i + 1;
    if (line.startsWith('BO_ ')) {
      const m = BO.exec(line);
      if (!m) throw new DbcError(file, at, `malformed message: ${line.slice(0, 80)}`);
      const rawId = Number(m[1]);
      const extended = rawId >= EXTENDED_FLAG;
      const id = extended ? rawId - EXTENDED_FLAG : rawId;
      if (id > (extended ? 0x1fffffff : 0x7ff)) {
        throw new DbcError(file, at, `message id ${rawId} is out of range`);
      }
      const length = Number(m[3]);
      if (length > 64) throw new DbcError(file, at, `message length ${length} exceeds 64 bytes`);
      current = { id, extended, name: m[2]!, length, signals: [] };
      // Vector's placeholder for signals that belong to no message.
      if (m[2] === 'VECTOR__INDEPENDENT_SIG_MSG') current = null;
      else {
        messages.push(current);
        byId.set(rawId, current);
      }
      return;
    }
    if (line.startsWith('SG_ ')) {
      const m = SG.exec(line);
      if (!m) throw new DbcError(file, at, `malformed signal: ${line.slice(0, 80)}`);
      if (!current) return;
      const [, name, mux, start, length, order, sign, factor, offset, min, max, unit] = m;
      const signal: DbcSignal = {
        name: name!,
        startBit: Number(start),
        length: Number(length),
        byteOrder: order === '1' ? 'intel' : 'motorola',
        signed: sign === '-',
        factor: Number(factor),
        offset: Number(offset),
        min: Number(min) < Number(max) ? Number(min) : null,
        max: Number(min) < Number(max) ? Number(max) : null,
        unit: unit!,
        multiplexor: mux === 'M' || (mux?.endsWith('M') ?? false),
        multiplexValue: mux && mux !== 'M' ? Number.parseInt(mux.slice(1), 10) : null,
        values: new Map(),
      };
      if (signal.length < 1 || signal.length > 64) {
        throw new DbcError(file, at, `signal ${signal.name} has length ${signal.length}`);
      }
      if (signal.startBit >= current.length * 8) {
        throw new DbcError(
          file,
          at,
          `signal ${signal.name} starts beyond its ${current.length}-byte message`,
        );
      }
      current.signals.push(signal);
      return;
    }
    if (line.startsWith('VAL_ ')) {
      const m = VAL.exec(line);
      if (!m) throw new DbcError(file, at, `malformed value table: ${line.slice(0, 80)}`);
      const signal = byId.get(Number(m[1]))?.signals.find((s) => s.name === m[2]);
      if (!signal) return; // a table for a signal the file never defined: nothing to label
      const table = signal.values as Map<number, string>;
      for (const pair of m[3]!.matchAll(VAL_PAIR)) table.set(Number(pair[1]), pair[2]!);
      return;
    }
    // A blank line or a section the decoder does not need (NS_, BU_, BA_, …) ends a message.
    if (!line.startsWith('SG_')) current = line === '' ? current : null;
  });
  const byName = new Map<string, { message: DbcMessage; signal: DbcSignal }>();
  for (const message of messages) {
    for (const signal of message.signals)
      byName.set(`${message.name}.${signal.name}`, { message, signal });
  }
  return { messages, byName };
}
