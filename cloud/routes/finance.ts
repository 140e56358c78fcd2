import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';

/** Created (201) or replayed (200): the same body either way. */
function outcome<T>({ created, result }: { created: boolean; result: T }) {
  return created ? { status: 201 as const, body: result } : { status: 200 as const, body: result };
}

export const getAccountRoute = defineRoute(cloudApi.getAccount, (_input, ctx) => ({
  status: 200,
  body: ctx.services.finance.account(requireVehicle(ctx).id),
}));

export const payInstalmentRoute = defineRoute(cloudApi.payInstalment, ({ params, body }, ctx) =>
  outcome(ctx.services.finance.pay(requireVehicle(ctx).id, params.clientPaymentId, body)),
);

export const listMileagePacksRoute = defineRoute(cloudApi.listMileagePacks, (_input, ctx) => ({
  status: 200,
  body: ctx.services.finance.packs(requireVehicle(ctx).id),
}));

export const buyMileagePackRoute = defineRoute(cloudApi.buyMileagePack, ({ body }, ctx) =>
  outcome(ctx.services.finance.buyPack(requireVehicle(ctx).id, body)),
);

export const chooseEndOfTermRoute = defineRoute(cloudApi.chooseEndOfTerm, ({ body }, ctx) =>
  outcome(ctx.services.finance.chooseEndOfTerm(requireVehicle(ctx).id, body)),
);

export const listInspectionSlotsRoute = defineRoute(
  cloudApi.listInspectionSlots,
  (_input, ctx) => ({
    status: 200,
    body: ctx.services.finance.inspectionSlots(requireVehicle(ctx).id),
  }),
);

export const bookInspectionRoute = defineRoute(cloudApi.bookInspection, ({ body }, ctx) =>
  outcome(ctx.services.finance.bookInspection(requireVehicle(ctx).id, body)),
);

export const reportMileageRoute = defineRoute(cloudApi.reportMileage, ({ body }, ctx) =>
  outcome(ctx.services.finance.reportMileage(requireVehicle(ctx).id, body)),
);
