import { describe, expect, it } from 'vitest';
import { useProbeSite } from './probeSite.ts';

const PATH = 'Vehicle.Powertrain.Transmission.SelectedGear';
/**
 * A stand-in for the app's store and settings screen: `restrict()` applies a gear sample, shows
 * the gate and disables the control, as the app does at a drive-state edge; `heartbeat()` is the
 * bridge's timebased resend of the same value, which replaces only its arrival time.
 */
const PAGE = `<!doctype html><link rel="icon" href="data:,">
<button data-testid="language-en">en</button><div id="screen"></div>
<script>
  const state = { signals: {}, driveState: 'PARKED' };
  window.dashportTest = { store: { getState: () => state } };
  window.restrict = (sampledAt) => {
    const receivedAt = performance.now();
    state.signals['${PATH}'] = { value: 127, ts: sampledAt, receivedAt };
    const gate = document.createElement('section');
    gate.dataset.testid = 'screen-gate';
    document.getElementById('screen').append(gate);
    document.querySelector('[data-testid="language-en"]').disabled = true;
    return receivedAt;
  };
  window.heartbeat = () => {
    const held = state.signals['${PATH}'];
    state.signals['${PATH}'] = { ...held, receivedAt: performance.now() };
  };
</script>`;

describe('bench probe: the restriction leg (real Chromium, throttled)', () => {
  const site = useProbeSite({ 'index.html': PAGE });

  it('dates delivery by the sample that restricted the screen, not a later heartbeat', async () => {
    const run = await site.open();
    const { leg, delivery } = await run.page.evaluate(
      async ([path]) => {
        const page = window as unknown as { restrict(t: number): number; heartbeat(): void };
        const restricted = window.__dashportBench!.whenRestricted(
          '[data-testid^="language-"]',
          '[data-testid="screen-gate"]',
          path,
        );
        const sampledAt = performance.timeOrigin + performance.now() - 5;
        const receivedAt = page.restrict(sampledAt);
        // The next message from the bridge, before the frame with the gate is on the glass.
        setTimeout(() => page.heartbeat(), 0);
        return {
          leg: await restricted,
          delivery: performance.timeOrigin + receivedAt - sampledAt,
        };
      },
      [PATH] as const,
    );
    expect(leg.delivery).toBeCloseTo(delivery, 1);
    expect(leg.total).toBeGreaterThan(leg.delivery);
  });
});
