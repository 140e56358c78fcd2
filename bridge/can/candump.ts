/**
 * One line of can-utils' log format (`candump -L`, also what `canplayer` reads):
 *   (1533226488.434456) can0 0B4#000000001D0B7A5E     classic frame, 11-bit id (3 hex digits)
 *   (…) can0 18FEF100#0102                            29-bit id (8 hex digits)
 *   (…) can0 123#R  or  123#R4                        remote frame (no data)
 *   (…) can0 123##1AABBCC…                            CAN FD: a flags nibble, then up to 64 bytes
 */

export interface CanFrame {
  /** Receive time, microseconds since the Unix epoch (exact: a double holds 2^53 µs). */
  tsUs: number;
  iface: string;
  id: number;
  extended: boolean;
  remote: boolean;
  fd: boolean;
  data: Uint8Array;
}

export type CandumpLine = { ok: true; frame: CanFrame } | { ok: false; reason: string };

const LINE = /^\((\d{1,12})\.(\d{6})\)\s+([A-Za-z0-9_.-]{1,15})\s+([0-9A-Fa-f]+)(##?)(\S*)$/;
const HEX_BYTES = /^(?:[0-9A-Fa-f]{2})*$/;
const FD_LENGTHS = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64]);
const EMPTY = new Uint8Array(0);

function bytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Parses one line; a bad line gets a reason a log line can carry, never an exception. */
export function parseCandumpLine(line: string): CandumpLine {
  const text = line.trim();
  if (text.length > 300) return { ok: false, reason: 'line too long' };
  const m = LINE.exec(text);
  if (!m) return { ok: false, reason: 'not a candump -L line' };
  const [, secs, micros, iface, idHex, sep, rest] = m;
  if (idHex!.length !== 3 && idHex!.length !== 8) {
    return { ok: false, reason: `id ${idHex} must have 3 (standard) or 8 (extended) hex digits` };
  }
  const extended = idHex!.length === 8;
  const id = Number.parseInt(idHex!, 16);
  if (id > (extended ? 0x1fffffff : 0x7ff))
    return { ok: false, reason: `id ${idHex} out of range` };
  const tsUs = Number(secs) * 1_000_000 + Number(micros);
  const frame = { tsUs, iface: iface!, id, extended };
  if (sep === '##') {
    // CAN FD: one hex digit of flags (BRS, ESI), then the data.
    const data = rest!.slice(1);
    if (!/^[0-9A-Fa-f]$/.test(rest!.slice(0, 1)) || !HEX_BYTES.test(data)) {
      return { ok: false, reason: 'malformed CAN FD data' };
    }
    if (!FD_LENGTHS.has(data.length / 2)) return { ok: false, reason: 'invalid CAN FD length' };
    return { ok: true, frame: { ...frame, remote: false, fd: true, data: bytes(data) } };
  }
  if (/^R\d?$/.test(rest!)) {
    return { ok: true, frame: { ...frame, remote: true, fd: false, data: EMPTY } };
  }
  // `_<dlc>` follows the data when candump logs a DLC above 8 on a classic frame (len8_dlc).
  const data = rest!.replace(/_[0-9A-Fa-f]$/, '');
  if (!HEX_BYTES.test(data)) return { ok: false, reason: 'data is not whole hex bytes' };
  if (data.length > 16) return { ok: false, reason: 'classic CAN data exceeds 8 bytes' };
  return { ok: true, frame: { ...frame, remote: false, fd: false, data: bytes(data) } };
}
