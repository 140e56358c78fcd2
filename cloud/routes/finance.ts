import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute, type CloudRoute } from '../http/define.ts';

/** Created (201) or replayed (200): the same body either way. */
function outcome<T>({ created, result }: { created: boolean; result: T }) {
  return created ? { status: 201 as const, body: result } : { status: 200 as const, body: result };
}

const getAccountRoute = defineRoute(cloudApi.getAccount, (_input, ctx) => ({
  status: 200,
  body: ctx.services.finance.account(requireVehicle(ctx).id),
}));

const payInstalmentRoute = defineRoute(cloudApi.payInstalment, ({ params, body }, ctx) =>
  outcome(ctx.services.finance.pay(requireVehicle(ctx).id, params.clientPaymentId, body)),
);

const listMileagePacksRoute = defineRoute(cloudApi.listMileagePacks, (_input, ctx) => ({
  status: 200,
  body: ctx.services.finance.packs(requireVehicle(ctx).id),
}));

const buyMileagePackRoute = defineRoute(cloudApi.buyMileagePack, ({ body }, ctx) =>
  outcome(ctx.services.finance.buyPack(requireVehicle(ctx).id, body)),
);

const chooseEndOfTermRoute = defineRoute(cloudApi.chooseEndOfTerm, ({ body }, ctx) =>
  outcome(ctx.services.finance.chooseEndOfTerm(requireVehicle(ctx).id, body)),
);

const listInspectionSlotsRoute = defineRoute(cloudApi.listInspectionSlots, (_input, ctx) => ({
  status: 200,
  body: ctx.services.finance.inspectionSlots(requireVehicle(ctx).id),
}));

const bookInspectionRoute = defineRoute(cloudApi.bookInspection, ({ body }, ctx) =>
  outcome(ctx.services.finance.bookInspection(requireVehicle(ctx).id, body)),
);

const reportMileageRoute = defineRoute(cloudApi.reportMileage, ({ body }, ctx) =>
  outcome(ctx.services.finance.reportMileage(requireVehicle(ctx).id, body)),
);

/** This module's routes, in registration order: a new endpoint here is added to this list. */
export const financeRoutes: readonly CloudRoute[] = [
  getAccountRoute,
  payInstalmentRoute,
  listMileagePacksRoute,
  buyMileagePackRoute,
  chooseEndOfTermRoute,
  listInspectionSlotsRoute,
  bookInspectionRoute,
  reportMileageRoute,
];
