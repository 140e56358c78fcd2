import type { MerchantResult } from '../../../../common/cloudApi/catalog.schema.ts';

/**
 * What to invite a new car to: merchants open now, nearest first, one per category before any
 * category gets a second place (coffee, food and fuel beat three cafés on one street).
 */
export function openNearbyPicks(merchants: readonly MerchantResult[], n: number): MerchantResult[] {
  const open = merchants.filter((m) => m.openNow).sort((a, b) => a.distanceM - b.distanceM);
  const seen = new Set<string>();
  const first: MerchantResult[] = [];
  const rest: MerchantResult[] = [];
  for (const m of open) {
    if (seen.has(m.category)) rest.push(m);
    else {
      seen.add(m.category);
      first.push(m);
    }
  }
  return [...first, ...rest].slice(0, n);
}
