import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cdpPipe } from '../../kiosk/cdpPipe.ts';
import { crashPolicy } from '../../kiosk/crashPolicy.ts';

describe('the kiosk crash policy', () => {
  it.each([
    // crash times (ms) → what each crash gets
    [[0], ['reload']],
    [
      [0, 1_000, 2_000],
      ['reload', 'reload', 'reload'],
    ],
    [
      [0, 1_000, 2_000, 3_000],
      ['reload', 'reload', 'reload', 'exit'],
    ],
    // Crashes that left the window no longer count.
    [
      [0, 1_000, 2_000, 61_000],
      ['reload', 'reload', 'reload', 'reload'],
    ],
    [
      [0, 30_000, 59_999, 60_000, 60_001],
      ['reload', 'reload', 'reload', 'reload', 'exit'],
    ],
  ])('crashes at %j: %j', (times, actions) => {
    const decide = crashPolicy({ maxCrashes: 3, windowMs: 60_000 });
    expect(times.map(decide)).toEqual(actions);
  });
});

describe('DevTools over a pipe (NUL-ended JSON)', () => {
  const pipe = () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const sent: string[] = [];
    toBrowser.on('data', (d: Buffer) => sent.push(d.toString()));
    return { cdp: cdpPipe(toBrowser, fromBrowser), fromBrowser, sent };
  };

  it('frames commands and matches answers that arrive split and joined', async () => {
    const { cdp, fromBrowser, sent } = pipe();
    const first = cdp.send('Target.setDiscoverTargets', { discover: true });
    const second = cdp.send('Page.navigate', { url: 'file:///x' }, 'S1');
    await new Promise((r) => setImmediate(r));
    expect(sent.join('')).toBe(
      '{"id":1,"method":"Target.setDiscoverTargets","params":{"discover":true}}\0' +
        '{"id":2,"method":"Page.navigate","params":{"url":"file:///x"},"sessionId":"S1"}\0',
    );
    const answers = '{"id":2,"result":{"frameId":"F"}}\0{"id":1,"result":{}}\0';
    fromBrowser.write(answers.slice(0, 9));
    fromBrowser.write(answers.slice(9));
    expect(await second).toEqual({ frameId: 'F' });
    expect(await first).toEqual({});
  });

  it('hands events to their handlers, rejects errors, and skips what it cannot read', async () => {
    const { cdp, fromBrowser } = pipe();
    const crashed: unknown[] = [];
    cdp.on('Target.targetCrashed', (params) => crashed.push(params.targetId));
    const refused = cdp.send('Page.navigate', { url: 'x' });
    fromBrowser.write('not json\0{"method":"Target.targetCrashed","params":{"targetId":"T"}}\0');
    fromBrowser.write('{"id":1,"error":{"message":"No target with given id"}}\0');
    await expect(refused).rejects.toThrow('No target with given id');
    expect(crashed).toEqual(['T']);
  });

  it('rejects what is pending when the browser goes away', async () => {
    const { cdp, fromBrowser } = pipe();
    const pending = cdp.send('Target.attachToTarget', { targetId: 'T' });
    fromBrowser.destroy();
    await expect(pending).rejects.toThrow(/closed its pipe/);
  });
});
