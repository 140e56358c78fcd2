/**
 * Areas a person can pick by hand instead of sharing the car's position: the places the demo
 * catalogue covers. A search in an area sends only its fixed centre, never the car's whereabouts.
 * Zod-free so the renderer can list them; `nameKey` is an i18n key.
 */
export interface PickableArea {
  id: string;
  nameKey: string;
  /** WGS-84 degrees. */
  centre: { lat: number; lon: number };
  /** Search radius that covers the area's merchants. */
  radiusM: number;
}

export const PICKABLE_AREAS = [
  {
    id: 'san-francisco',
    nameKey: 'areas.sanFrancisco',
    centre: { lat: 37.7793, lon: -122.4193 }, // Civic Center
    radiusM: 12_000,
  },
  {
    id: 'dearborn',
    nameKey: 'areas.dearborn',
    centre: { lat: 42.3198, lon: -83.2092 },
    radiusM: 8_000,
  },
  {
    id: 'hangzhou',
    nameKey: 'areas.hangzhou',
    centre: { lat: 30.2729, lon: 120.1563 }, // West Lake, east shore
    radiusM: 5_000,
  },
  {
    id: 'munich',
    nameKey: 'areas.munich',
    centre: { lat: 48.1374, lon: 11.5755 }, // Marienplatz
    radiusM: 5_000,
  },
] as const satisfies readonly PickableArea[];

export type AreaId = (typeof PICKABLE_AREAS)[number]['id'];
export const AREA_IDS = PICKABLE_AREAS.map((a) => a.id) as [AreaId, ...AreaId[]];

export function findArea(id: string): PickableArea | undefined {
  return PICKABLE_AREAS.find((a) => a.id === id);
}
