import type { Menu, Merchant } from '../../common/cloudApi/catalog.schema.ts';

/** A merchant as the catalogue keeps it: its listing and its menu. */
export interface CatalogueMerchant extends Merchant {
  menu: Menu;
}

/** Path under which the cloud serves a merchant's generated image. */
export function merchantImagePath(id: string): string {
  return `/v1/images/${id}.svg`;
}
