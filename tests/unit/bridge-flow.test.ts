import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../bridge/outbox.ts';
import { createRateLimiter } from '../../bridge/rateLimit.ts';
import type { VissServerMessage } from '../../common/viss/types.ts';

/** Flow control, without sockets: the outbox queues and the inbound rate limiter. */

const note = (subscriptionId: string, value: number): VissServerMessage => ({
  action: 'subscription',
  subscriptionId,
  ts: '2025-01-01T00:00:00.000Z',
  data: { path: 'Vehicle.Speed', dp: { value: String(value), ts: '2025-01-01T00:00:00.000Z' } },
});
const valueOf = (m: VissServerMessage) =>
  'data' in m && !Array.isArray(m.data) ? m.data.dp.value : undefined;

describe('outbox', () => {
  function rig(limits = { queuePerSubscription: 4, replies: 3 }) {
    const sent: VissServerMessage[] = [];
    const state = { congested: false, overflows: 0, drops: 0 };
    const outbox = createOutbox({
      send: (m) => sent.push(m),
      congested: () => state.congested,
      onOverflow: () => (state.overflows += 1),
      onDrop: () => (state.drops += 1),
      limits,
    });
    return { outbox, sent, state };
  }

  it('sends straight through while the transport keeps up', () => {
    const { outbox, sent } = rig();
    for (let i = 0; i < 10; i += 1) outbox.notify('1', note('1', i));
    expect(sent.map(valueOf)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(outbox.stats('1')).toEqual({ queued: 0, dropped: 0, sent: 10 });
  });

  it('holds back while congested, keeps only the newest per subscription, counts drops', () => {
    const { outbox, sent, state } = rig();
    state.congested = true;
    for (let i = 0; i < 100; i += 1) outbox.notify('1', note('1', i));
    expect(sent).toEqual([]);
    expect(outbox.stats('1')).toEqual({ queued: 4, dropped: 96, sent: 0 });
    expect(state.drops).toBe(96);
    state.congested = false;
    outbox.pump();
    expect(sent.map(valueOf)).toEqual(['96', '97', '98', '99']);
    expect(outbox.totals()).toEqual({ replies: 0, dropped: 96, sent: 4 });
  });

  it('serves replies first, then subscriptions in turn', () => {
    const { outbox, sent, state } = rig({ queuePerSubscription: 8, replies: 8 });
    state.congested = true;
    for (let i = 0; i < 3; i += 1) outbox.notify('a', note('a', i));
    for (let i = 0; i < 3; i += 1) outbox.notify('b', note('b', 10 + i));
    outbox.reply({ action: 'unsubscribe', requestId: 'r', subscriptionId: 'x', ts: 't' });
    state.congested = false;
    outbox.pump();
    expect(sent.map((m) => valueOf(m) ?? 'reply')).toEqual([
      'reply',
      '0',
      '10',
      '1',
      '11',
      '2',
      '12',
    ]);
  });

  it('reports a client that does not read its replies, and forgets removed subscriptions', () => {
    const { outbox, sent, state } = rig();
    state.congested = true;
    for (let i = 0; i < 4; i += 1) {
      outbox.reply({ action: 'unsubscribe', requestId: String(i), subscriptionId: 'x', ts: 't' });
    }
    expect(state.overflows).toBe(1);
    outbox.notify('gone', note('gone', 1));
    outbox.remove('gone');
    expect(outbox.stats('gone')).toBeUndefined();
    state.congested = false;
    outbox.pump();
    expect(sent.every((m) => m.action === 'unsubscribe')).toBe(true);
    outbox.close();
    outbox.notify('1', note('1', 1));
    expect(sent).toHaveLength(3);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then the steady rate', () => {
    const limiter = createRateLimiter({ ratePerSecond: 50, burst: 100 });
    const verdicts = Array.from({ length: 101 }, () => limiter.take(0));
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(100);
    expect(verdicts.at(-1)).toBe('limited');
    expect(limiter.take(20)).toBe('ok'); // 20 ms at 50/s refills one token
    expect(limiter.take(20)).toBe('limited');
  });

  it('calls sustained flooding abusive, and forgives a client that slows down', () => {
    const limiter = createRateLimiter({ ratePerSecond: 50, burst: 100, abuseStrikes: 100 });
    let t = 0;
    const verdicts: string[] = [];
    // 200 messages per second: 150 too many every second.
    while (!verdicts.includes('abusive') && t < 10_000) {
      verdicts.push(limiter.take(t));
      t += 5;
    }
    expect(verdicts).toContain('limited');
    expect(verdicts.at(-1)).toBe('abusive');
    expect(t).toBeLessThan(3_000);

    const calm = createRateLimiter({ ratePerSecond: 50, burst: 100, abuseStrikes: 100 });
    for (let i = 0; i < 150; i += 1) calm.take(0); // one burst over: 50 strikes
    const later = Array.from({ length: 40 }, (_, i) => calm.take(10_000 + i * 25));
    expect(later.every((v) => v === 'ok')).toBe(true);
  });

  it('does not mint tokens when the clock steps back', () => {
    const limiter = createRateLimiter({ ratePerSecond: 50, burst: 1 });
    expect(limiter.take(10_000)).toBe('ok');
    expect(limiter.take(0)).toBe('limited');
  });

  it('rejects nonsense limits', () => {
    expect(() => createRateLimiter({ ratePerSecond: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ burst: Number.NaN })).toThrow(RangeError);
  });
});
