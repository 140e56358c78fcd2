import { z } from 'zod';

/** A stored card is a processor token and what a person needs to recognise it; never a number. */
export const PaymentMethodIdSchema = z
  .string()
  .regex(/^pm_[A-Za-z0-9]{8,32}$/, 'expected a payment method token (pm_…)');

export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'unionpay', 'girocard'] as const;

export const PaymentMethodSchema = z
  .object({
    id: PaymentMethodIdSchema,
    brand: z.enum(CARD_BRANDS),
    last4: z.string().regex(/^\d{4}$/),
    expMonth: z.number().int().min(1).max(12),
    expYear: z.number().int().min(2000).max(2100),
    isDefault: z.boolean(),
  })
  .meta({ id: 'PaymentMethod' });
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const PaymentMethodListSchema = z.object({ paymentMethods: z.array(PaymentMethodSchema) });
