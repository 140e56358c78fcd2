import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCandumpLine, type CanFrame } from '../../bridge/can/candump.ts';
import { parseDbc, DbcError, type DbcSignal } from '../../bridge/can/dbc.ts';
import {
  compileMessage,
  compileSignal,
  decodeSignal,
  physical,
  rawValue,
} from '../../bridge/can/decode.ts';
import {
  expectedSummary,
  fullLogText,
  RAV4_LOG_10S,
  TOYOTA_DBC,
  type ExpectedSummary,
} from '../support/canFixtures.ts';

const signal = (over: Partial<DbcSignal>): DbcSignal => ({
  name: 'S',
  startBit: 0,
  length: 8,
  byteOrder: 'intel',
  signed: false,
  factor: 1,
  offset: 0,
  min: null,
  max: null,
  unit: '',
  multiplexor: false,
  multiplexValue: null,
  values: new Map(),
  ...over,
});

const raw = (s: Partial<DbcSignal>, bytes: number[]) =>
  rawValue(compileSignal(signal(s)), Uint8Array.from(bytes));

describe('bit extraction (table)', () => {
  it.each<[string, Partial<DbcSignal>, number[], number | undefined]>([
    ['intel byte', { startBit: 8, length: 8 }, [0x00, 0xab], 0xab],
    ['intel across bytes', { startBit: 4, length: 8 }, [0xb0, 0x0a], 0xab],
    ['intel 16 bit little endian', { startBit: 0, length: 16 }, [0x34, 0x12], 0x1234],
    ['intel 1 bit', { startBit: 9, length: 1 }, [0x00, 0x02], 1],
    [
      'motorola 16 bit big endian (SPEED 47|16)',
      { startBit: 47, length: 16, byteOrder: 'motorola' },
      [0, 0, 0, 0, 0, 0x0b, 0x7a, 0],
      0x0b7a,
    ],
    [
      'motorola 6 bit inside a byte (GEAR 13|6)',
      { startBit: 13, length: 6, byteOrder: 'motorola' },
      [0, 0b0000_1000, 0],
      0b001000,
    ],
    [
      'motorola nibble across bytes',
      { startBit: 3, length: 8, byteOrder: 'motorola' },
      [0x0a, 0xb0],
      0xab,
    ],
    [
      'motorola 32 bit (ODOMETER 39|32)',
      { startBit: 39, length: 32, byteOrder: 'motorola' },
      [0, 0, 0, 0, 0x00, 0x00, 0x3c, 0xe5],
      15589,
    ],
    ['signed intel', { startBit: 0, length: 8, signed: true }, [0xff], -1],
    [
      'signed motorola 12 bit',
      { startBit: 7, length: 12, byteOrder: 'motorola', signed: true },
      [0xff, 0xe0],
      -2,
    ],
    ['frame too short', { startBit: 8, length: 8 }, [0x01], undefined],
  ])('%s', (_name, s, bytes, expected) => {
    expect(raw(s, bytes)).toBe(expected);
  });

  it('scales with factor and offset', () => {
    expect(physical(signal({ factor: 0.01, offset: 0 }), 2938)).toBeCloseTo(29.38, 9);
    expect(physical(signal({ factor: 0.108696, offset: -5.21741 }), 100)).toBeCloseTo(5.65219, 9);
  });
});

describe('DBC parsing', () => {
  const dbc = parseDbc(
    [
      'VERSION ""',
      'BO_ 180 SPEED: 8 XXX',
      ' SG_ SPEED : 47|16@0+ (0.01,0) [0|250] "km/h" XXX',
      'BO_ 869 DSU_CRUISE : 7 DSU',
      ' SG_ MAIN_ON : 0|1@0+ (1,0) [0|0] "" XXX',
      'BO_ 2566844926 EXT: 8 XXX',
      ' SG_ MUX M : 0|8@1+ (1,0) [0|0] "" XXX',
      ' SG_ A m1 : 8|8@1+ (1,0) [0|0] "" XXX',
      ' SG_ B m2 : 8|8@1- (2,-1) [0|0] "" XXX',
      'CM_ SG_ 180 SPEED "multi',
      'line SG_ comment";',
      'VAL_ 180 SPEED 0 "stopped" 1 "crawl" ;',
    ].join('\n'),
    'inline.dbc',
  );

  it('reads messages with a space before the colon, extended ids and value tables', () => {
    expect(dbc.messages.map((m) => [m.name, m.id, m.extended, m.length])).toEqual([
      ['SPEED', 180, false, 8],
      ['DSU_CRUISE', 869, false, 7],
      ['EXT', 0x18fef1fe, true, 8],
    ]);
    expect(dbc.byName.get('SPEED.SPEED')?.signal.values.get(1)).toBe('crawl');
    expect(dbc.byName.get('DSU_CRUISE.MAIN_ON')?.signal.min).toBeNull();
  });

  it('decodes multiplexed signals only in frames that carry them', () => {
    const ext = compileMessage(dbc.messages[2]!);
    const [, a, b] = ext.signals;
    expect(decodeSignal(ext, a!, Uint8Array.from([1, 7]))).toMatchObject({ ok: true, value: 7 });
    expect(decodeSignal(ext, b!, Uint8Array.from([1, 7]))).toEqual({
      ok: false,
      reason: 'not_in_frame',
    });
    expect(decodeSignal(ext, b!, Uint8Array.from([2, 0xfe]))).toMatchObject({ raw: -2, value: -5 });
  });

  it('flags a value outside the DBC range instead of clamping it', () => {
    const speed = compileMessage(dbc.messages[0]!);
    const frame = Uint8Array.from([0, 0, 0, 0, 0, 0xff, 0xff, 0]);
    expect(decodeSignal(speed, speed.signals[0]!, frame)).toMatchObject({
      ok: true,
      raw: 0xffff,
      inDbcRange: false,
    });
  });

  it.each([
    ['BO_ 12 BROKEN 8 XXX', /malformed message/],
    ['BO_ 1 M: 8 X\n SG_ S : 7|8@2+ (1,0) [0|0] "" X', /malformed signal/],
    ['BO_ 1 M: 2 X\n SG_ S : 40|8@1+ (1,0) [0|0] "" X', /starts beyond/],
    ['BO_ 4000 M: 8 X', /out of range/],
  ])('names the line of a malformed file: %s', (text, why) => {
    expect(() => parseDbc(text, 'bad.dbc')).toThrow(DbcError);
    expect(() => parseDbc(text, 'bad.dbc')).toThrow(why);
  });
});

describe('candump -L lines', () => {
  it.each<[string, Partial<CanFrame> | string]>([
    [
      '(1533226488.434456) can0 0B4#000000001D0B7A5E',
      { id: 0xb4, iface: 'can0', tsUs: 1533226488434456, extended: false },
    ],
    [
      '(1.000001) vcan1 18FEF100#0102',
      { id: 0x18fef100, extended: true, data: Uint8Array.from([1, 2]) },
    ],
    ['(1.000001) can0 123#R', { remote: true, data: new Uint8Array(0) }],
    ['(1.000001) can0 123##1' + '00'.repeat(12), { fd: true }],
    ['(1.000001) can0 123#', { data: new Uint8Array(0) }],
    ['(1.000001) can0 0B4#0102_9', { data: Uint8Array.from([1, 2]) }],
    ['garbage', 'not a candump -L line'],
    ['(1.000001) can0 1234#00', 'must have 3'],
    ['(1.000001) can0 800#00', 'out of range'],
    ['(1.000001) can0 0B4#0', 'whole hex bytes'],
    ['(1.000001) can0 0B4#' + '00'.repeat(9), 'exceeds 8 bytes'],
    ['(1.000001) can0 123##1' + '00'.repeat(9), 'invalid CAN FD length'],
  ])('%s', (line, expected) => {
    const result = parseCandumpLine(line);
    if (typeof expected === 'string') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(expected);
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.frame).toMatchObject(expected);
    }
  });
});

/** Decodes every can0 frame of the log and gathers the stats the expected summaries carry. */
function decodeLog(text: string) {
  const dbc = parseDbc(readFileSync(TOYOTA_DBC, 'utf8'), 'toyota');
  const compiled = new Map(dbc.messages.map((m) => [m.id, compileMessage(m)]));
  const stats = new Map<
    string,
    { samples: number; first: number; last: number; min: number; max: number }
  >();
  let frames = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const parsed = parseCandumpLine(line);
    if (!parsed.ok) throw new Error(`${parsed.reason}: ${line}`);
    frames++;
    const { frame } = parsed;
    if (frame.iface !== 'can0') continue;
    const message = compiled.get(frame.id);
    if (!message) continue;
    for (const c of message.signals) {
      const out = decodeSignal(message, c, frame.data);
      if (!out.ok) continue;
      const key = `${message.message.name}.${c.signal.name}`;
      const s = stats.get(key);
      if (!s)
        stats.set(key, {
          samples: 1,
          first: out.value,
          last: out.value,
          min: out.value,
          max: out.value,
        });
      else {
        s.samples++;
        s.last = out.value;
        s.min = Math.min(s.min, out.value);
        s.max = Math.max(s.max, out.value);
      }
    }
  }
  return { frames, stats };
}

function agreesWith(expected: ExpectedSummary, text: string) {
  const { frames, stats } = decodeLog(text);
  expect(frames).toBe(expected.frames);
  const checked: string[] = [];
  for (const [key, e] of Object.entries(expected.signals)) {
    if (!e.stats || typeof e.stats.first !== 'number') continue; // the VIN entry is a string
    const got = stats.get(`${e.message}.${e.signal}`);
    expect(got, key).toBeDefined();
    expect(got!.samples, key).toBe(e.stats.samples);
    for (const field of ['first', 'last', 'min', 'max'] as const) {
      expect(Math.abs(got![field] - e.stats[field]), `${key}.${field}`).toBeLessThanOrEqual(1e-6);
    }
    checked.push(key);
  }
  return checked;
}

describe('decoding the real RAV4 recording agrees with the independent decode', () => {
  it('the first 10 s: every signal of the expected summary', () => {
    const checked = agreesWith(expectedSummary('10s'), readFileSync(RAV4_LOG_10S, 'utf8'));
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });

  it('the full minute (135,468 frames)', () => {
    const checked = agreesWith(expectedSummary('full'), fullLogText());
    expect(checked.length).toBeGreaterThanOrEqual(40);
  });
});
