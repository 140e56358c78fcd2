import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseInbound } from '../../bridge/protocol.ts';
import { SIGNAL } from '../../common/vss/signals.ts';

const timebased = (period: unknown) => ({ variant: 'timebased', parameter: { period } });
const change = (op: unknown, diff: unknown) => ({
  variant: 'change',
  parameter: { 'logic-op': op, diff },
});
const paths = (parameter: unknown) => ({ variant: 'paths', parameter });
const sub = (filter: unknown, path = 'Vehicle.Speed') => ({
  action: 'subscribe',
  path,
  requestId: '9',
  filter,
});
const get = (path: string, filter?: unknown) => ({
  action: 'get',
  path,
  requestId: '1',
  ...(filter === undefined ? {} : { filter }),
});

/** The checked request, loosely typed: tests look at whichever fields the action has. */
function request(raw: unknown): Record<string, unknown> {
  const parsed = parseInbound(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.error));
  return parsed.request as Record<string, unknown>;
}

describe('parseInbound: accepted requests', () => {
  it('accepts the three actions as objects and as JSON strings', () => {
    const messages = [
      get('Vehicle.Speed'),
      sub(timebased('100')),
      { action: 'unsubscribe', subscriptionId: '12', requestId: '3' },
    ];
    const expected = [
      {
        action: 'get',
        requestId: '1',
        path: 'Vehicle.Speed',
        paths: ['Vehicle.Speed'],
        multi: false,
      },
      {
        action: 'subscribe',
        requestId: '9',
        path: 'Vehicle.Speed',
        paths: ['Vehicle.Speed'],
        multi: false,
        filter: { variant: 'timebased', periodMs: 100 },
      },
      { action: 'unsubscribe', requestId: '3', subscriptionId: '12' },
    ];
    messages.forEach((message, i) => {
      expect(parseInbound(message)).toEqual({ ok: true, request: expected[i] });
      expect(parseInbound(JSON.stringify(message))).toEqual({ ok: true, request: expected[i] });
    });
  });

  it('ignores fields it does not use (e.g. authorization)', () => {
    expect(parseInbound({ ...get('Vehicle.Speed'), authorization: 't' }).ok).toBe(true);
  });

  it('resolves a paths filter against the common root, in request order', () => {
    expect(
      request(
        get('Vehicle.Powertrain', paths(['Range', 'TractionBattery.StateOfCharge.Displayed'])),
      ),
    ).toMatchObject({
      path: 'Vehicle.Powertrain',
      multi: true,
      paths: [SIGNAL.range, SIGNAL.batteryLevel],
    });
    // One relative path as a plain string; a list of one filter object.
    expect(request(get('Vehicle', [paths('Speed')]))).toMatchObject({
      multi: true,
      paths: [SIGNAL.speed],
    });
  });

  it('expands branches and single-segment wildcards, without duplicates', () => {
    expect(request(get('Vehicle.Cabin.Seat', paths('*.*.OccupancyStatus'))).paths).toEqual([
      SIGNAL.row1PassengerOccupancy,
      SIGNAL.row2PassengerOccupancy,
      SIGNAL.row2DriverOccupancy,
      SIGNAL.row2MiddleOccupancy,
    ]);
    expect(
      request(get('Vehicle', paths(['CurrentLocation', 'CurrentLocation.Heading']))).paths,
    ).toEqual([SIGNAL.latitude, SIGNAL.longitude, SIGNAL.heading]);
    // "*" stands for exactly one segment: Row1.PassengerSide.OccupancyStatus has three below Seat.
    expect(parseInbound(get('Vehicle.Cabin.Seat', paths('*.OccupancyStatus')))).toMatchObject({
      ok: false,
      error: { error: { number: '404' } },
    });
  });

  it('reads change and range filters, with the VISS spellings of the operators', () => {
    expect(request(sub(change('gt', '5'))).filter).toEqual({
      variant: 'change',
      op: 'gt',
      diff: 5,
    });
    expect(
      request(sub({ variant: 'range', parameter: { 'logic-op': 'gte', boundary: '100' } })).filter,
    ).toEqual({ variant: 'range', conditions: [{ op: 'gte', boundary: 100 }], combine: 'AND' });
    expect(
      request(
        sub({
          variant: 'range',
          parameter: [
            { 'boundary-op': 'lt', boundary: '5', 'combination-op': 'OR' },
            { 'boundary-op': 'gt', boundary: '10.5' },
          ],
        }),
      ).filter,
    ).toEqual({
      variant: 'range',
      conditions: [
        { op: 'lt', boundary: 5 },
        { op: 'gt', boundary: 10.5 },
      ],
      combine: 'OR',
    });
  });

  it('combines a paths filter with one trigger, in either order', () => {
    const a = request(sub([paths(['Speed', 'IsMoving']), change('ne', '0')], 'Vehicle'));
    const b = request(sub([change('ne', '0'), paths(['Speed', 'IsMoving'])], 'Vehicle'));
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      multi: true,
      paths: [SIGNAL.speed, SIGNAL.isMoving],
      filter: { variant: 'change', op: 'ne', diff: 0 },
    });
  });

  it('accepts eq/ne change filters on booleans and strings (notify on change)', () => {
    expect(parseInbound(sub(change('ne', '0'), SIGNAL.isMoving)).ok).toBe(true);
    expect(parseInbound(sub(change('eq', '0'), SIGNAL.dayNightMode)).ok).toBe(true);
  });
});

describe('parseInbound: refused requests', () => {
  const rejected: [string, unknown, string, string][] = [
    ['bad JSON', '{"action":', '400', 'not valid JSON'],
    ['a number', 42, '400', 'must be a JSON object'],
    ['an array', [], '400', 'must be a JSON object'],
    ['null', null, '400', 'must be a JSON object'],
    ['a JSON string of an array', '[1]', '400', 'must be a JSON object'],
    ['no action', { requestId: '1' }, '400', 'action is required'],
    ['unknown action', { action: 'set', requestId: '1' }, '400', 'unknown action "set"'],
    ['no requestId', { action: 'get', path: 'Vehicle.Speed' }, '400', 'requestId is required'],
    [
      'numeric requestId',
      { ...get('Vehicle.Speed'), requestId: 1 },
      '400',
      'requestId is required',
    ],
    ['no path', { action: 'get', requestId: '1' }, '400', 'path:'],
    ['wildcard path', get('Vehicle.*'), '400', 'dotted VSS path'],
    ['unknown path', get('Vehicle.Powertrain.FuelSystem.Level'), '404', 'unknown signal path'],
    ['branch path without paths filter', get('Vehicle.Powertrain'), '404', 'unknown signal path'],
    ['prototype name', get('constructor'), '404', 'unknown signal path'],
    ['get with a trigger filter', get('Vehicle.Speed', timebased('100')), '400', 'subscribe only'],
    ['paths that match nothing', get('Vehicle', paths(['Speed', 'Nope'])), '404', 'Vehicle.Nope'],
    ['paths under a prototype name', get('Vehicle', paths('__proto__')), '404', 'unknown'],
    ['empty paths list', get('Vehicle', paths([])), '400', 'must not be empty'],
    ['absolute-looking relative path', get('Vehicle', paths('.Speed')), '400', 'relative'],
    [
      'paths filter with 65 entries',
      get('Vehicle', paths(Array(65).fill('Speed'))),
      '400',
      'at most 64',
    ],
    ['subscribe without filter', sub(undefined), '400', 'subscribe needs a timebased'],
    ['subscribe with paths only', sub(paths('Speed'), 'Vehicle'), '400', 'subscribe needs'],
    ['filter as a string', sub('timebased'), '400', 'filter must be an object'],
    ['filter without variant', sub({ parameter: {} }), '400', 'filter.variant is required'],
    ['filter without parameter', sub({ variant: 'change' }), '400', 'filter.parameter is required'],
    ['unsupported variant', sub({ variant: 'curvelog', parameter: {} }), '400', 'not supported'],
    ['unknown variant', sub({ variant: 'magic', parameter: {} }), '400', 'is unknown'],
    ['two triggers', sub([timebased('100'), change('ne', '0')]), '400', 'at most one of'],
    ['two paths filters', get('Vehicle', [paths('Speed'), paths('IsMoving')]), '400', 'one paths'],
    ['three filters', sub([paths('a'), paths('b'), paths('c')]), '400', 'one or two filters'],
    ['numeric period', sub(timebased(100)), '400', 'filter.parameter.period'],
    ['period too short', sub(timebased('9')), '400', 'at least 10 ms'],
    ['period too long', sub(timebased('60001')), '400', 'at most 60000 ms'],
    ['fractional period', sub(timebased('10.5')), '400', 'filter.parameter.period'],
    ['unknown logic-op', sub(change('approx', '1')), '400', 'logic-op'],
    ['numeric diff', sub(change('gt', 1)), '400', 'diff'],
    ['diff not a number', sub(change('gt', 'lots')), '400', 'decimal number'],
    ['diff Infinity', sub(change('gt', '1e999')), '400', 'finite'],
    [
      'ordered change on a boolean',
      sub(change('gt', '0'), SIGNAL.isMoving),
      '400',
      'only "eq" or "ne"',
    ],
    ['change eq 0 on a number', sub(change('eq', '0')), '400', 'never notify'],
    [
      'range on a string',
      sub(
        { variant: 'range', parameter: { 'logic-op': 'eq', boundary: '1' } },
        SIGNAL.dayNightMode,
      ),
      '400',
      'range filters need numeric signals',
    ],
    [
      'range without operator',
      sub({ variant: 'range', parameter: { boundary: '1' } }),
      '400',
      'needs "logic-op"',
    ],
    [
      'range with three boundaries',
      sub({
        variant: 'range',
        parameter: Array(3).fill({ 'logic-op': 'gt', boundary: '1' }),
      }),
      '400',
      'at most two',
    ],
    ['no subscriptionId', { action: 'unsubscribe', requestId: '1' }, '400', 'subscriptionId'],
    ['oversize string', 'x'.repeat(MAX_MESSAGE_BYTES + 1), '400', 'the limit is 16384'],
  ];

  it.each(rejected)('rejects %s', (_name, raw, number, description) => {
    const parsed = parseInbound(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.error.number).toBe(number);
    expect(parsed.error.error.reason).toBe(number === '404' ? 'unavailable_data' : 'bad_request');
    expect(parsed.error.error.description).toContain(description);
    expect(parsed.error.ts).toMatch(/Z$/);
  });

  it('echoes action and requestId on errors when they are usable', () => {
    const parsed = parseInbound(sub(timebased('1')));
    expect(parsed).toMatchObject({ ok: false, error: { action: 'subscribe', requestId: '9' } });
    const big = parseInbound({
      ...get('Vehicle.Speed'),
      requestId: 'r',
      pad: 'x'.repeat(MAX_MESSAGE_BYTES),
    });
    expect(big).toMatchObject({ ok: false, error: { action: 'get', requestId: 'r' } });
  });

  it('counts bytes, not characters, against the size limit', () => {
    const message = JSON.stringify({ ...get('Vehicle.Speed'), pad: 'é'.repeat(9000) });
    expect(message.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(parseInbound(message)).toMatchObject({
      ok: false,
      error: { error: { description: expect.stringContaining('bytes') } },
    });
  });

  it('never throws, whatever arrives', () => {
    const cyclic: Record<string, unknown> = { action: 'get' };
    cyclic.self = cyclic;
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const odd = [
      undefined,
      true,
      Symbol('s'),
      () => 1,
      10n,
      cyclic,
      deep,
      sub(deep),
      '['.repeat(100_000),
      `{"action":"get","requestId":"1","path":"Vehicle.Speed","filter":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      new Date(),
      Buffer.from('{}'),
      '""',
      'null',
    ];
    for (const raw of odd) {
      const parsed = parseInbound(raw);
      expect(parsed.ok).toBe(false);
    }
  });
});
