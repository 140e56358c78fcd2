import { OfferListSchema, OffersQuerySchema } from '../../common/cloudApi/offers.ts';
import {
  ConsentSyncRequestSchema,
  ConsentSyncResponseSchema,
} from '../../common/cloudApi/consents.ts';
import { requireVehicle } from '../auth.ts';
import { defineRoute } from '../http/define.ts';

export const listOffersRoute = defineRoute({
  method: 'GET',
  url: '/v1/offers',
  operationId: 'listOffers',
  summary: 'Current offers: non-targeted ones, and targeted ones when personalised',
  description:
    'Without `personalised=true` (the driver’s personalised-offers consent) only non-targeted ' +
    'offers are answered and any context sent is ignored. With it, offers whose trigger matches ' +
    'the context come first: lease_ending (`leaseEnding=true`), low_fuel_near_station ' +
    '(`fuelLevel=low` and a position within 5 km of the partner station), time_of_day ' +
    '(`timeOfDay`). Whether to show them (parked only, caps, mutes) is the car’s decision.',
  tags: ['offers'],
  auth: 'vehicle',
  querystring: OffersQuerySchema,
  responses: { 200: OfferListSchema },
  handler: ({ query }, ctx) => {
    requireVehicle(ctx);
    return { status: 200, body: ctx.services.offers.select(query, ctx.now()) };
  },
});

export const syncConsentsRoute = defineRoute({
  method: 'POST',
  url: '/v1/consents',
  operationId: 'syncConsents',
  summary: 'Record the driver’s consent decisions (purpose, granted, when)',
  description:
    'Append-only history; a retried sync stores nothing twice. Answers the latest decision per ' +
    'purpose on record. The car enforces consent itself; this is the provider’s record of it.',
  tags: ['consents'],
  auth: 'vehicle',
  body: ConsentSyncRequestSchema,
  responses: { 200: ConsentSyncResponseSchema },
  handler: ({ body }, ctx) => ({
    status: 200,
    body: ctx.services.consents.sync(requireVehicle(ctx).id, body.records, ctx.now()),
  }),
});
