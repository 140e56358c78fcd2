import type { CloudRoute } from '../http/define.ts';
import type { OpenApiDocument } from '../http/openapi.ts';
import {
  deleteFavouriteRoute,
  listFavouritesRoute,
  listPaymentMethodsRoute,
  putFavouriteRoute,
} from './account.ts';
import { categoriesRoute, getMerchantRoute, imageRoute, searchMerchantsRoute } from './catalog.ts';
import {
  bookInspectionRoute,
  buyMileagePackRoute,
  chooseEndOfTermRoute,
  getAccountRoute,
  listInspectionSlotsRoute,
  listMileagePacksRoute,
  payInstalmentRoute,
  reportMileageRoute,
} from './finance.ts';
import { healthRoute } from './health.ts';
import { listOffersRoute, syncConsentsRoute } from './offers.ts';
import { openApiRoute } from './openapi.ts';
import { cancelOrderRoute, getOrderRoute, listOrdersRoute, putOrderRoute } from './orders.ts';
import {
  cancelTestDriveBookingRoute,
  listTestDriveBookingsRoute,
  listTestDriveModelsRoute,
  listTestDriveSlotsRoute,
  putTestDriveBookingRoute,
} from './testDrives.ts';

/** The built-in routes, in registration order. New features add their routes here. */
export function cloudRoutes(document: () => OpenApiDocument): CloudRoute[] {
  return [
    healthRoute,
    openApiRoute(document),
    categoriesRoute,
    searchMerchantsRoute,
    getMerchantRoute,
    imageRoute,
    listPaymentMethodsRoute,
    putOrderRoute,
    getOrderRoute,
    listOrdersRoute,
    cancelOrderRoute,
    listFavouritesRoute,
    putFavouriteRoute,
    deleteFavouriteRoute,
    getAccountRoute,
    payInstalmentRoute,
    listMileagePacksRoute,
    buyMileagePackRoute,
    chooseEndOfTermRoute,
    listInspectionSlotsRoute,
    bookInspectionRoute,
    reportMileageRoute,
    listTestDriveModelsRoute,
    listTestDriveSlotsRoute,
    putTestDriveBookingRoute,
    cancelTestDriveBookingRoute,
    listTestDriveBookingsRoute,
    listOffersRoute,
    syncConsentsRoute,
  ];
}
