import type { DbcMessage, DbcSignal } from './dbc.ts';

/** A run of adjacent bits of one byte, in the order they enter the raw value. */
interface Segment {
  byte: number;
  shift: number;
  bits: number;
}

/** What it takes to decode one signal fast: its bit segments, precomputed once. */
export interface CompiledSignal {
  signal: DbcSignal;
  segments: Segment[];
  /** Motorola segments come most significant first; Intel least significant first. */
  msbFirst: boolean;
  /** Bytes the frame must carry for this signal. */
  needBytes: number;
}

/**
 * The bits a signal occupies, grouped per byte. Intel (@1): the start bit is the LSB and bits
 * count upward through the bytes. Motorola (@0): the start bit is the MSB in DBC's sawtooth
 * numbering (bit 7 of byte 0 is 7, bit 0 of byte 1 is 8), and the bits run down each byte and on
 * into the next byte's bit 7.
 */
export function compileSignal(signal: DbcSignal): CompiledSignal {
  const segments: Segment[] = [];
  let bit = signal.startBit;
  let left = signal.length;
  if (signal.byteOrder === 'intel') {
    while (left > 0) {
      const shift = bit % 8;
      const bits = Math.min(8 - shift, left);
      segments.push({ byte: Math.floor(bit / 8), shift, bits });
      bit += bits;
      left -= bits;
    }
  } else {
    while (left > 0) {
      const high = bit % 8;
      const bits = Math.min(high + 1, left);
      segments.push({ byte: Math.floor(bit / 8), shift: high + 1 - bits, bits });
      left -= bits;
      bit = (Math.floor(bit / 8) + 1) * 8 + 7;
    }
  }
  return {
    signal,
    segments,
    msbFirst: signal.byteOrder === 'motorola',
    needBytes: Math.max(...segments.map((s) => s.byte)) + 1,
  };
}

/** The raw (unscaled) value, or undefined when the frame is too short to hold the signal. */
export function rawValue(c: CompiledSignal, data: Uint8Array): number | undefined {
  if (data.length < c.needBytes) return undefined;
  let value = 0;
  if (c.msbFirst) {
    for (const s of c.segments) {
      value = value * 2 ** s.bits + ((data[s.byte]! >> s.shift) & ((1 << s.bits) - 1));
    }
  } else {
    let scale = 1;
    for (const s of c.segments) {
      value += ((data[s.byte]! >> s.shift) & ((1 << s.bits) - 1)) * scale;
      scale *= 2 ** s.bits;
    }
  }
  const { length, signed } = c.signal;
  if (signed && value >= 2 ** (length - 1)) value -= 2 ** length;
  return value;
}

/** Raw value to physical value; integer factors and offsets stay exact. */
export function physical(signal: DbcSignal, raw: number): number {
  return raw * signal.factor + signal.offset;
}

export type DecodeOutcome =
  | { ok: true; raw: number; value: number; inDbcRange: boolean }
  | { ok: false; reason: 'short_frame' | 'not_in_frame' };

export interface CompiledMessage {
  message: DbcMessage;
  signals: CompiledSignal[];
  multiplexor: CompiledSignal | null;
}

export function compileMessage(message: DbcMessage): CompiledMessage {
  const signals = message.signals.map(compileSignal);
  return { message, signals, multiplexor: signals.find((s) => s.signal.multiplexor) ?? null };
}

/**
 * Decodes one signal of a frame. A multiplexed signal is only in frames whose multiplexor has its
 * value. A value outside the DBC's declared range is flagged, never clamped (clamping hides a
 * damaged frame or a wrong DBC); the VSS range of the mapped path decides whether it is served.
 */
export function decodeSignal(
  message: CompiledMessage,
  c: CompiledSignal,
  data: Uint8Array,
): DecodeOutcome {
  if (c.signal.multiplexValue !== null) {
    const mux = message.multiplexor ? rawValue(message.multiplexor, data) : undefined;
    if (mux === undefined) return { ok: false, reason: 'short_frame' };
    if (mux !== c.signal.multiplexValue) return { ok: false, reason: 'not_in_frame' };
  }
  const raw = rawValue(c, data);
  if (raw === undefined) return { ok: false, reason: 'short_frame' };
  const value = physical(c.signal, raw);
  const { min, max } = c.signal;
  // A tolerance for float scaling: 0.01 * 25000 is 250.00000000000003.
  const eps = Math.abs(c.signal.factor) * 1e-9;
  const inDbcRange = min === null || max === null || (value >= min - eps && value <= max + eps);
  return { ok: true, raw, value, inDbcRange };
}
