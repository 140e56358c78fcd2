import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseInbound } from '../../bridge/protocol.ts';

const timebased = (period: unknown) => ({ variant: 'timebased', parameter: { period } });
const sub = (filter: unknown) => ({
  action: 'subscribe',
  path: 'Vehicle.Speed',
  requestId: '9',
  filter,
});

describe('parseInbound', () => {
  it('accepts the three actions as objects and as JSON strings', () => {
    const messages = [
      { action: 'get', path: 'Vehicle.Speed', requestId: '1' },
      sub(timebased('100')),
      { action: 'unsubscribe', subscriptionId: '12', requestId: '3' },
    ];
    const expected = [
      { action: 'get', requestId: '1', path: 'Vehicle.Speed' },
      {
        action: 'subscribe',
        requestId: '9',
        path: 'Vehicle.Speed',
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
    const parsed = parseInbound({
      action: 'get',
      path: 'Vehicle.Speed',
      requestId: '1',
      authorization: 't',
    });
    expect(parsed.ok).toBe(true);
  });

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
      { action: 'get', path: 'Vehicle.Speed', requestId: 1 },
      '400',
      'requestId is required',
    ],
    ['no path', { action: 'get', requestId: '1' }, '400', 'path:'],
    [
      'wildcard path',
      { action: 'get', path: 'Vehicle.*', requestId: '1' },
      '400',
      'dotted VSS leaf path',
    ],
    [
      'unknown path',
      { action: 'get', path: 'Vehicle.Powertrain.FuelSystem.Level', requestId: '1' },
      '404',
      'unknown signal path',
    ],
    [
      'branch path',
      { action: 'get', path: 'Vehicle.Powertrain', requestId: '1' },
      '404',
      'unknown signal path',
    ],
    [
      'prototype name',
      { action: 'get', path: 'constructor', requestId: '1' },
      '404',
      'unknown signal path',
    ],
    [
      'get with paths filter',
      {
        action: 'get',
        path: 'Vehicle.Speed',
        requestId: '1',
        filter: { variant: 'paths', parameter: ['Speed'] },
      },
      '400',
      'not supported yet',
    ],
    ['subscribe without filter', sub(undefined), '400', 'needs a filter'],
    [
      'change filter',
      sub({ variant: 'change', parameter: { 'logic-op': 'gt', diff: '1' } }),
      '400',
      'variant "change" is not supported yet',
    ],
    [
      'range filter',
      sub({ variant: 'range', parameter: { 'logic-op': 'gt', boundary: '1' } }),
      '400',
      'variant "range" is not supported yet',
    ],
    ['filter list', sub([timebased('100')]), '400', 'filter lists are not supported'],
    ['numeric period', sub(timebased(100)), '400', 'filter.parameter.period'],
    ['period too short', sub(timebased('9')), '400', 'at least 10 ms'],
    ['period too long', sub(timebased('60001')), '400', 'at most 60000 ms'],
    ['fractional period', sub(timebased('10.5')), '400', 'filter.parameter.period'],
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
      action: 'get',
      requestId: 'r',
      path: 'Vehicle.Speed',
      pad: 'x'.repeat(MAX_MESSAGE_BYTES),
    });
    expect(big).toMatchObject({ ok: false, error: { action: 'get', requestId: 'r' } });
  });

  it('counts bytes, not characters, against the size limit', () => {
    const message = JSON.stringify({
      action: 'get',
      path: 'Vehicle.Speed',
      requestId: '1',
      pad: 'é'.repeat(9000),
    });
    expect(message.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(parseInbound(message)).toMatchObject({
      ok: false,
      error: { error: { description: expect.stringContaining('bytes') } },
    });
  });

  it('never throws, whatever arrives', () => {
    const cyclic: Record<string, unknown> = { action: 'get' };
    cyclic.self = cyclic;
    const odd = [
      undefined,
      true,
      Symbol('s'),
      () => 1,
      10n,
      cyclic,
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
