import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_STEPS } from '../../common/hostApi/engineering.ts';
import {
  bundleName,
  ExportFailed,
  writeBundle,
} from '../../electron/host/engineering/exportBundle.ts';
import {
  isSecretKey,
  REDACTED,
  redactText,
  redactValue,
} from '../../electron/host/engineering/redact.ts';
import { createSessions, SESSION_MS } from '../../electron/host/engineering/sessions.ts';
import { createLogRing } from '../../electron/host/logRing.ts';
import {
  createLinkCounter,
  MAX_REJECTED_PATHS,
  NO_PATH,
  OTHER_PATHS,
} from '../../renderer/vehicle/linkStats.ts';
import { tempDir } from '../support/tmp.ts';

const SECRETS = ['veh_live_7f3a9c1e2b4d6f80', 'bridge-token-0123456789abcdef'];

describe('redactText: secrets out of free text', () => {
  it.each([
    ['a line without secrets stays', 'outbox.sent order 3f2a after 2 attempts', null],
    [
      'the unit’s cloud token',
      'auth failed for veh_live_7f3a9c1e2b4d6f80 at /v1',
      'auth failed for [redacted] at /v1',
    ],
    [
      'the bridge token inside JSON',
      '{"auth":{"token":"bridge-token-0123456789abcdef"}}',
      '{"auth":{"token":"[redacted]"}}',
    ],
    ['a payment method token', 'charging pm_4f9Kq2LxA81 failed', 'charging [redacted] failed'],
    ['a bearer header', 'Authorization: Bearer abc.def-123', 'Authorization: [redacted]'],
    [
      'a token in a URL',
      'GET /media?id=3&token=s3cr3t&x=1',
      'GET /media?id=3&token=[redacted]&x=1',
    ],
    [
      'a JSON Web Token',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature ok',
      'jwt [redacted] ok',
    ],
    ['a card number (Luhn)', 'card 4111 1111 1111 1111 used', 'card [redacted] used'],
    ['a card number without gaps', 'pan=5555555555554444', 'pan=[redacted]'],
    ['a long number that is not a card stays', 'odometer 1234567890123 m', null],
    ['an order id (UUID) stays', 'order 7d444840-9dc0-11d1-b245-5ffdce74fad2 queued', null],
    ['a timestamp stays', '2026-12-04T20:15:00.000Z', null],
  ])('%s', (_what, text, expected) => {
    expect(redactText(text, SECRETS)).toBe(expected ?? text);
  });

  it('never searches for a short secret (it would blank ordinary text)', () => {
    expect(redactText('the order is ready', ['order'])).toBe('the order is ready');
  });
});

describe('redactValue: secrets out of a bundle', () => {
  it.each([
    ['token', true],
    ['authToken', true],
    ['auth_token', true],
    ['paymentMethodId', true],
    ['cardNumber', true],
    ['session', true],
    ['pin', true],
    ['shipping', false],
    ['mapping', false],
    ['pinned', false],
    ['merchantId', false],
    ['tokens_left', false],
  ])('%s is secret: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('redacts secret keys whole, strings as text, and JSON held in strings inside', () => {
    const value = {
      clientOrderId: 'c-1',
      request: {
        paymentMethodId: 'pm_ABCDEFGH123',
        items: [{ name: 'Latte', note: 'card 4111111111111111' }],
      },
      stored: JSON.stringify({ token: 'x', merchant: 'm-1' }),
      nothing: null,
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
      lastError: 'HTTP 401 for veh_live_7f3a9c1e2b4d6f80',
      count: 3,
    };
    expect(redactValue(value, SECRETS)).toEqual({
      clientOrderId: 'c-1',
      request: { paymentMethodId: REDACTED, items: [{ name: 'Latte', note: `card ${REDACTED}` }] },
      stored: JSON.stringify({ token: REDACTED, merchant: 'm-1' }),
      nothing: null,
      headers: { authorization: REDACTED },
      lastError: `HTTP 401 for ${REDACTED}`,
      count: 3,
    });
  });
});

describe('engineering sessions', () => {
  it('are handed out once per PIN, valid until they time out, and unknown ones are not', () => {
    let now = 0;
    let n = 0;
    const sessions = createSessions(
      () => now,
      () => String(++n).padStart(64, '0'),
    );
    const one = sessions.open();
    expect(sessions.valid(one)).toBe(true);
    expect(sessions.valid('0'.repeat(64))).toBe(false);
    now = SESSION_MS - 1;
    expect(sessions.valid(one)).toBe(true);
    now = SESSION_MS;
    expect(sessions.valid(one)).toBe(false);
    expect(sessions.valid(sessions.open())).toBe(true);
  });
});

describe('the log ring', () => {
  it('keeps the newest lines, oldest first, without their newlines', () => {
    const ring = createLogRing(3);
    for (const n of [1, 2, 3, 4, 5]) ring.push(`line ${n}\n`);
    expect(ring.lines()).toEqual(['line 3', 'line 4', 'line 5']);
  });
});

describe('the bridge link counter (renderer)', () => {
  it.each<[string, number[], number, number]>([
    ['nothing yet', [], 1000, 0],
    ['50 Hz for two seconds', Array.from({ length: 100 }, (_, i) => i * 20), 2000, 50],
    [
      '2000/s for ten seconds: only the last five count',
      Array.from({ length: 20_000 }, (_, i) => i / 2),
      10_000,
      2000,
    ],
    [
      'silence after a burst brings the rate down',
      Array.from({ length: 500 }, (_, i) => i * 2),
      4000,
      125,
    ],
    ['long silence: zero', Array.from({ length: 500 }, (_, i) => i * 2), 20_000, 0],
  ])('%s', (_what, arrivals, now, rate) => {
    const link = createLinkCounter();
    for (const at of arrivals) link.message(at);
    expect(link.snapshot(now).messagesPerSecond).toBeCloseTo(rate, 0);
  });

  it('counts reconnects after the first connect, and rejected values by path, bounded', () => {
    const link = createLinkCounter();
    link.connected();
    expect(link.snapshot(0).reconnects).toBe(0);
    link.connected();
    link.connected();
    link.rejected('Vehicle.Speed');
    link.rejected('Vehicle.Speed');
    link.rejected(null);
    for (let i = 0; i < MAX_REJECTED_PATHS + 5; i++) link.rejected(`Vehicle.Junk${i}`);
    const stats = link.snapshot(0);
    expect(stats.reconnects).toBe(2);
    expect(stats.rejected).toBe(3 + MAX_REJECTED_PATHS + 5);
    expect(stats.rejectedByPath['Vehicle.Speed']).toBe(2);
    expect(stats.rejectedByPath[NO_PATH]).toBe(1);
    expect(Object.keys(stats.rejectedByPath)).toHaveLength(MAX_REJECTED_PATHS + 1);
    expect(stats.rejectedByPath[OTHER_PATHS]).toBe(7);
  });
});

describe('writing a diagnostics bundle', () => {
  const files = { diagnostics: { bundle: 1, note: 'ü' }, logLines: ['one', 'two'] };

  it('is named sortably and safely for a FAT stick', () => {
    expect(bundleName('hangzhou-ev', new Date('2026-12-04T20:15:07.123Z'))).toBe(
      'dashport-hangzhou-ev-20261204T201507Z',
    );
    expect(bundleName('a/b c', new Date(0))).toBe('dashport-a_b_c-19700101T000000Z');
  });

  it('writes both files, reports every step in order, and leaves no partial folder', async () => {
    const tmp = tempDir();
    const steps: string[] = [];
    const result = await writeBundle({
      dir: tmp.dir,
      name: 'b1',
      files,
      onProgress: (p) => steps.push(`${p.step}:${p.done}`),
    });
    expect(steps).toEqual(EXPORT_STEPS.map((s, i) => `${s}:${i + 1}`));
    expect(result.folder).toBe(join(tmp.dir, 'b1'));
    expect(readdirSync(tmp.dir)).toEqual(['b1']);
    expect(JSON.parse(readFileSync(join(tmp.dir, 'b1', 'diagnostics.json'), 'utf8'))).toEqual(
      files.diagnostics,
    );
    expect(readFileSync(join(tmp.dir, 'b1', 'host.log'), 'utf8')).toBe('one\ntwo\n');
    expect(result.files.map((f) => f.name)).toEqual(['diagnostics.json', 'host.log']);
    expect(result.files[1]!.bytes).toBe(8);
    tmp.cleanup();
  });

  it('refuses a folder that is not there, with the folder named, writing nothing', async () => {
    const steps: string[] = [];
    const missing = '/nonexistent/usb0';
    await expect(
      writeBundle({ dir: missing, name: 'b', files, onProgress: (p) => steps.push(p.step) }),
    ).rejects.toThrow(
      new ExportFailed(`The export folder ${missing} is not there or cannot be written`),
    );
    expect(steps).toEqual([]);
  });

  it('cleans up after a failed write and says why; an old partial bundle is replaced', async () => {
    const tmp = tempDir();
    // A folder where the bundle's final name should go: the rename fails.
    mkdirSync(join(tmp.dir, 'b2', 'taken'), { recursive: true });
    writeFileSync(join(tmp.dir, 'b2', 'taken', 'x'), 'x');
    mkdirSync(join(tmp.dir, 'b2.partial'));
    writeFileSync(join(tmp.dir, 'b2.partial', 'stale'), 'old');
    await expect(
      writeBundle({ dir: tmp.dir, name: 'b2', files, onProgress: () => {} }),
    ).rejects.toThrow(/^Writing to .* failed: /);
    expect(readdirSync(tmp.dir)).toEqual(['b2']);
    tmp.cleanup();
  });
});
