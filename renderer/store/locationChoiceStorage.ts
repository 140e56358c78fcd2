import { AREA_IDS, type AreaId } from '../../common/areas.ts';

/**
 * Where merchants are searched: around the car (needs the location consent, which the host
 * enforces) or in an area picked by hand. Null until the person has chosen.
 */
export type LocationChoice = { kind: 'car' } | { kind: 'area'; area: AreaId } | null;

const KEY = 'dashport.services.location';

export function isAreaId(value: unknown): value is AreaId {
  return typeof value === 'string' && (AREA_IDS as readonly string[]).includes(value);
}

/**
 * The choice is a display preference, not a consent (the consent itself lives in the host), so it
 * is kept in the page's storage. Anything unreadable counts as "not chosen yet".
 */
export function loadLocationChoice(): LocationChoice {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const v = parsed as Record<string, unknown>;
    if (v.kind === 'car') return { kind: 'car' };
    if (v.kind === 'area' && isAreaId(v.area)) return { kind: 'area', area: v.area };
    return null;
  } catch {
    return null;
  }
}

export function saveLocationChoice(choice: LocationChoice): void {
  try {
    if (choice) globalThis.localStorage?.setItem(KEY, JSON.stringify(choice));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage full or unavailable: the choice lasts for this session only.
  }
}
