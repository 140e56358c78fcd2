import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  ON_ANY_CHANGE,
  everyMs,
  getRequest,
  subscribeRequest,
  unsubscribeRequest,
} from '../../common/viss/requests.ts';
import { isKnownPath, SIGNAL, type VssValueOf } from '../../common/vss/signals.ts';
import {
  BUTTON_SUBSCRIPTION,
  ON_CHANGE_PATHS,
  VEHICLE_SUBSCRIPTIONS,
} from '../../renderer/vehicle/subscriptions.ts';
import { useNumberSignal, useSignal } from '../../renderer/vehicle/useSignal.ts';

describe('signal paths are typed from the generated VSS subset', () => {
  it('types each value by its VSS datatype', () => {
    expectTypeOf<VssValueOf<typeof SIGNAL.speed>>().toEqualTypeOf<number>();
    expectTypeOf<VssValueOf<typeof SIGNAL.isMoving>>().toEqualTypeOf<boolean>();
    expectTypeOf<VssValueOf<typeof SIGNAL.dayNightMode>>().toEqualTypeOf<string>();
    expectTypeOf<ReturnType<typeof useSignal<typeof SIGNAL.parkingBrake>>>().toEqualTypeOf<
      boolean | undefined
    >();
    // Not a VSS leaf the bridge serves, and a string signal where a number is wanted: compile errors.
    const neverCalled = () => {
      // @ts-expect-error not a leaf of the VSS subset
      useSignal('Vehicle.NoSuchSignal');
      // @ts-expect-error a string signal is not a number
      useNumberSignal(SIGNAL.dayNightMode);
    };
    expect(typeof neverCalled).toBe('function');
    type NumberPath = Parameters<typeof useNumberSignal>[0];
    expectTypeOf<typeof SIGNAL.dayNightMode>().not.toExtend<NumberPath>();
    expectTypeOf<typeof SIGNAL.speed>().toExtend<NumberPath>();
  });

  it('subscribes only to known leaves', () => {
    const paths = [
      ...VEHICLE_SUBSCRIPTIONS.map((s) => s.path),
      ...ON_CHANGE_PATHS,
      BUTTON_SUBSCRIPTION.path,
    ];
    for (const path of paths) expect(isKnownPath(path), path).toBe(true);
  });
});

describe('VISS request builders (shared by renderer and tools)', () => {
  it('spell the VISS v3 message shapes', () => {
    expect(subscribeRequest(SIGNAL.speed, everyMs(100), 'r1')).toEqual({
      action: 'subscribe',
      path: 'Vehicle.Speed',
      filter: { variant: 'timebased', parameter: { period: '100' } },
      requestId: 'r1',
    });
    expect(subscribeRequest(SIGNAL.selectedGear, ON_ANY_CHANGE, 'r2').filter).toEqual({
      variant: 'change',
      parameter: { 'logic-op': 'ne', diff: '0' },
    });
    expect(getRequest(SIGNAL.range, 'g')).toEqual({
      action: 'get',
      path: 'Vehicle.Powertrain.Range',
      requestId: 'g',
    });
    expect(unsubscribeRequest('sub-1', 'u')).toEqual({
      action: 'unsubscribe',
      subscriptionId: 'sub-1',
      requestId: 'u',
    });
  });
});
