import { z } from 'zod';
import { MinorAmountSchema, SlugSchema } from '../../common/cloudApi/catalog.schema.ts';
import {
  ALLOWANCE_PERIODS,
  DistanceUnitSchema,
  ExtendMonthsSchema,
  InspectionPlaceSchema,
  OdometerMSchema,
} from '../../common/cloudApi/finance.schema.ts';

/**
 * The parts of a contract that are read whole (accounts.terms_json): allowance, packs, what the
 * end of term offers and, for loans, the credit terms. Parsed again on every read because the
 * database file can be edited.
 */
export const AccountTermsSchema = z.object({
  /** Lease and subscription instalments are due at the start of each month; loans a month later. */
  paymentTiming: z.enum(['advance', 'arrears']),
  mileage: z
    .object({
      distance: z.number().int().min(1),
      per: z.enum(ALLOWANCE_PERIODS),
      unit: DistanceUnitSchema,
      odometerAtStartM: OdometerMSchema,
      excessFeeMinorPerUnit: MinorAmountSchema,
    })
    .nullable(),
  /** Empty: the contract allows no mileage packs. */
  packs: z.array(
    z.object({ id: SlugSchema, distance: z.number().int().min(1), priceMinor: MinorAmountSchema }),
  ),
  maxExtraDistance: z.number().int().min(0),
  endOfTerm: z.object({
    return: z.boolean(),
    /** Empty: no extension offered. */
    extendMonths: z.array(ExtendMonthsSchema),
    upgrade: z.boolean(),
    buy: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      /** Lease: the residual value plus the purchase-option fee, fixed in the contract. */
      z.object({ kind: z.literal('residual'), priceMinor: MinorAmountSchema }),
      /** Loan: the outstanding balance after the instalments paid. */
      z.object({ kind: z.literal('payoff') }),
    ]),
  }),
  loan: z
    .object({
      principalMinor: MinorAmountSchema,
      aprBp: z.number().int().min(0).max(5_000),
    })
    .nullable(),
  /** Where a returned car is pre-inspected; null when the car is not handed back (loans). */
  inspectionPlace: InspectionPlaceSchema.nullable(),
});
export type AccountTerms = z.infer<typeof AccountTermsSchema>;
