import type { AreaId } from '../../../common/areas.ts';
import type { MerchantCategory } from '../../../common/cloudApi/catalog.schema.ts';
import type { MerchantsInput } from '../../../common/hostApi/commerce.schema.ts';
import { SIGNAL, type VssPath } from '../../../common/vss/signals.ts';
import type { AppState } from '../../store/appStore.ts';
import { locationGranted } from '../../store/consentSlice.ts';

export type Search =
  | { kind: 'ready'; input: MerchantsInput; key: string }
  /** Nothing chosen yet, or "around the car" without the consent: ask. */
  | { kind: 'choose' }
  /** Around the car, but the car has not said where it is. */
  | { kind: 'no-position' };

const num = (state: AppState, path: VssPath) => {
  const v = state.signals[path]?.value;
  return typeof v === 'number' ? v : undefined;
};

/**
 * What to ask the host for. An area given by the caller wins; then the person's choice: around
 * the car (with the consent and a position: the heading goes along, so "ahead" can be told) or
 * in the picked area.
 */
export function searchFor(
  state: AppState,
  category: MerchantCategory | undefined,
  area?: AreaId,
): Search {
  const choice = state.locationChoice;
  if (area) return areaSearch(area, category);
  if (choice?.kind === 'area') return areaSearch(choice.area, category);
  if (choice?.kind !== 'car' || !locationGranted(state.consent)) return { kind: 'choose' };
  const lat = num(state, SIGNAL.latitude);
  const lon = num(state, SIGNAL.longitude);
  if (lat === undefined || lon === undefined) return { kind: 'no-position' };
  const heading = num(state, SIGNAL.heading);
  const position =
    heading === undefined
      ? { lat, lon }
      : { lat, lon, heading: Math.min(360, Math.max(0, heading)) };
  return {
    kind: 'ready',
    input: category ? { position, category } : { position },
    // Rounded: a car creeping forward must not reload the list every second.
    key: `car:${lat.toFixed(2)},${lon.toFixed(2)}:${category ?? '*'}`,
  };
}

function areaSearch(area: AreaId, category: MerchantCategory | undefined): Search {
  return {
    kind: 'ready',
    input: category ? { area, category } : { area },
    key: `area:${area}:${category ?? '*'}`,
  };
}
