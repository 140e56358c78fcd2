import type { CompiledSignal } from './decode.ts';

/**
 * Writes a raw (unscaled) value into a frame's bytes where the DBC puts the signal: the inverse
 * of rawValue, for building frames from DBC definitions (tests of a profile without a recording,
 * the decode benchmark).
 */
export function writeRaw(c: CompiledSignal, data: Uint8Array, raw: number): void {
  const { length } = c.signal;
  let value = raw < 0 ? raw + 2 ** length : raw;
  // Least significant bits first: Motorola lists its segments MSB first, so walk them backwards.
  const segments = c.msbFirst ? [...c.segments].reverse() : c.segments;
  for (const s of segments) {
    const mask = (1 << s.bits) - 1;
    const chunk = value % 2 ** s.bits;
    data[s.byte] = (data[s.byte]! & ~(mask << s.shift)) | ((chunk & mask) << s.shift);
    value = Math.floor(value / 2 ** s.bits);
  }
}

/** The raw value for a physical one: (value - offset) / factor, rounded to the nearest step. */
export function rawFor(c: CompiledSignal, physicalValue: number): number {
  return Math.round((physicalValue - c.signal.offset) / c.signal.factor);
}
