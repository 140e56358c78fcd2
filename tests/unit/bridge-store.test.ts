import { describe, expect, it } from 'vitest';
import { createSignalStore } from '../../bridge/signalStore.ts';
import type { SignalUpdate } from '../../bridge/signalStore.ts';
import { SIGNAL } from '../../common/vss/signals.ts';

describe('signal store', () => {
  it('keeps the last valid value per path with its sample time', () => {
    const store = createSignalStore();
    expect(store.get(SIGNAL.speed)).toBeUndefined();
    expect(store.set(SIGNAL.speed, 12.5, Date.parse('2025-01-01T00:00:00.000Z'))).toEqual({
      ok: true,
    });
    expect(store.set(SIGNAL.speed, 13, Date.parse('2025-01-01T00:00:01.000Z'))).toEqual({
      ok: true,
    });
    expect(store.get(SIGNAL.speed)).toEqual({ value: '13', ts: '2025-01-01T00:00:01.000Z' });
    expect(store.getValue(SIGNAL.speed)).toBe(13);
  });

  it('rejects and counts values that break VSS rules, keeping the last good one', () => {
    const store = createSignalStore();
    store.set(SIGNAL.fuelLevel, 40);
    expect(store.set(SIGNAL.fuelLevel, 140)).toMatchObject({ ok: false });
    expect(store.setText(SIGNAL.fuelLevel, 'NaN')).toMatchObject({ ok: false });
    expect(store.set(SIGNAL.selectedGear, 200)).toMatchObject({ ok: false });
    expect(store.set('Vehicle.Powertrain.FuelSystem.Level', 40)).toMatchObject({ ok: false });
    expect(store.set('Vehicle.Other', 1)).toMatchObject({ ok: false });
    expect(store.set(SIGNAL.speed, 1, Number.NaN)).toMatchObject({ ok: false });
    expect(store.getValue(SIGNAL.fuelLevel)).toBe(40);
    expect(store.get(SIGNAL.selectedGear)).toBeUndefined();
    expect(store.stats()).toEqual({
      accepted: 1,
      rejected: 6,
      rejectedByPath: {
        [SIGNAL.fuelLevel]: 2,
        [SIGNAL.selectedGear]: 1,
        [SIGNAL.speed]: 1,
        '(unknown path)': 2,
      },
      listenerErrors: 0,
    });
  });

  it('accepts VISS text and serves it in one canonical spelling', () => {
    const store = createSignalStore();
    expect(store.setText(SIGNAL.speed, '-0')).toEqual({ ok: true });
    expect(store.get(SIGNAL.speed)?.value).toBe('0');
    store.setText(SIGNAL.speed, '1.50');
    expect(store.get(SIGNAL.speed)?.value).toBe('1.5');
    store.setText(SIGNAL.parkingBrake, 'true');
    expect(store.getValue(SIGNAL.parkingBrake)).toBe(true);
  });

  it('tells listeners about accepted writes only, and survives a throwing listener', () => {
    const store = createSignalStore();
    const seen: SignalUpdate[] = [];
    store.onUpdate(() => {
      throw new Error('faulty');
    });
    const off = store.onUpdate((update) => seen.push(update));
    store.set(SIGNAL.isMoving, true, 0);
    store.set(SIGNAL.isMoving, 'yes' as unknown as boolean);
    expect(seen).toEqual([
      { path: SIGNAL.isMoving, value: true, dp: { value: 'true', ts: '1970-01-01T00:00:00.000Z' } },
    ]);
    expect(store.stats().listenerErrors).toBe(1);
    off();
    store.set(SIGNAL.isMoving, false);
    expect(seen).toHaveLength(1);
  });
});
