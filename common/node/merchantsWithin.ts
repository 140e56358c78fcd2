import type { DatabaseSync } from 'node:sqlite';
import { boundingBox, distanceM, type LatLon } from '../geo.ts';

/** What a merchant table needs for a search by distance: WGS-84 `lat` and `lon` columns. */
interface Located {
  lat: number;
  lon: number;
}

/**
 * Rows of a merchant table (the cloud's catalogue, the car's cache) within `radiusM` of `centre`,
 * optionally of one category, each with its distance. The bounding box is an indexed prefilter;
 * the exact great-circle distance decides.
 */
export function merchantsWithin<Row extends Located>(
  db: DatabaseSync,
  query: { table: string; columns: string },
  circle: { centre: LatLon; radiusM: number; category?: string | undefined },
): { row: Row; distanceM: number }[] {
  const box = boundingBox(circle.centre, circle.radiusM);
  const where = ['lat BETWEEN ? AND ?'];
  const args: (number | string)[] = [box.minLat, box.maxLat];
  if (box.minLon !== null && box.maxLon !== null) {
    where.push('lon BETWEEN ? AND ?');
    args.push(box.minLon, box.maxLon);
  }
  if (circle.category) {
    where.push('category = ?');
    args.push(circle.category);
  }
  const rows = db
    .prepare(`SELECT ${query.columns} FROM ${query.table} WHERE ${where.join(' AND ')}`)
    .all(...args) as unknown as Row[];
  return rows
    .map((row) => ({ row, distanceM: distanceM(circle.centre, { lat: row.lat, lon: row.lon }) }))
    .filter((r) => r.distanceM <= circle.radiusM);
}
