import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { z } from 'zod';
import {
  END_OF_TERM_WINDOW_DAYS,
  type Account,
  type EndOfTerm,
  type EndOfTermChoice,
  type EndOfTermOption,
  type EndOfTermRequestSchema,
  type EndOfTermResult,
  type InspectionBooking,
  type InspectionRequestSchema,
  type InspectionResult,
  type InspectionSlot,
  type InspectionSlotList,
  type InstalmentPaymentRequestSchema,
  type InstalmentPaymentResult,
  type MileagePackList,
  type MileagePackPurchase,
  type MileagePackPurchaseRequestSchema,
  type MileagePackPurchaseResult,
  type MileageReportRequestSchema,
  type MileageReportResult,
} from '../../common/cloudApi/finance.schema.ts';
import { addDays, daysBetween, localDate } from '../../common/lease/calendar.ts';
import type { PaymentStore } from '../account/payments.ts';
import { transaction } from '../../common/node/transaction.ts';
import { requestSha256 } from '../db/requestDigest.ts';
import { ApiError, notFound, unprocessable } from '../http/errors.ts';
import { slotsBetween, type SlotRule } from '../slots.ts';
import {
  dueDateOf,
  instalmentAmount,
  maturityOf,
  payoffAfter,
  type AccountRecord,
} from './schedule.ts';
import { createFinanceStore } from './store.ts';

type PayRequest = z.output<typeof InstalmentPaymentRequestSchema>;
type PackRequest = z.output<typeof MileagePackPurchaseRequestSchema>;
type EndRequest = z.output<typeof EndOfTermRequestSchema>;
type InspectionRequest = z.output<typeof InspectionRequestSchema>;
type MileageRequest = z.output<typeof MileageReportRequestSchema>;

/** A created resource (201) or the one a replay returns (200). */
export interface Outcome<T> {
  created: boolean;
  result: T;
}

/** The pre-inspection centre's weekly hours: an hour each, weekdays, up to three weeks ahead. */
export const INSPECTION_RULE: Omit<SlotRule, 'timeZone'> = {
  weekdays: [1, 2, 3, 4, 5],
  times: ['09:00', '11:00', '14:00', '16:00'],
  durationMinutes: 60,
};
export const INSPECTION_DAYS_AHEAD = 21;

export interface FinanceService {
  account(vehicleId: string): Account;
  pay(
    vehicleId: string,
    clientPaymentId: string,
    request: PayRequest,
  ): Outcome<InstalmentPaymentResult>;
  packs(vehicleId: string): MileagePackList;
  buyPack(vehicleId: string, request: PackRequest): Outcome<MileagePackPurchaseResult>;
  chooseEndOfTerm(vehicleId: string, request: EndRequest): Outcome<EndOfTermResult>;
  inspectionSlots(vehicleId: string): InspectionSlotList;
  bookInspection(vehicleId: string, request: InspectionRequest): Outcome<InspectionResult>;
  reportMileage(vehicleId: string, request: MileageRequest): Outcome<MileageReportResult>;
}

const conflict = (what: string) =>
  new ApiError(
    409,
    'idempotency_conflict',
    `This ${what} id was already used for a different request; use a new id`,
  );

const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export function createFinanceService(options: {
  db: DatabaseSync;
  payments: PaymentStore;
  /** Whether a test-drive model exists (an upgrade may name one). */
  modelExists: (modelId: string) => boolean;
  now: () => Date;
}): FinanceService {
  const { db, payments, modelExists, now } = options;
  const store = createFinanceStore(db);

  const accountOf = (vehicleId: string): AccountRecord => {
    const account = store.accountOf(vehicleId);
    if (!account) throw notFound('This vehicle has no lease, subscription or loan account');
    return account;
  };

  const todayOf = (a: AccountRecord) => localDate(now(), a.timeZone);

  const windowOf = (a: AccountRecord) => {
    const maturity = maturityOf(a);
    const today = todayOf(a);
    const opensOn = addDays(maturity, -END_OF_TERM_WINDOW_DAYS);
    return { maturity, today, opensOn, open: today >= opensOn && today < maturity };
  };

  const methodRef = (vehicleId: string, id: string) => {
    const m = payments.get(vehicleId, id);
    if (!m) {
      throw unprocessable(
        'unknown_payment_method',
        `No saved payment method ${id}`,
        'body.paymentMethodId',
      );
    }
    return { id: m.id, brand: m.brand, last4: m.last4 };
  };

  const extraDistance = (a: AccountRecord) =>
    store.purchases(a.id).reduce((sum, p) => sum + p.purchase.distance, 0);

  const buyOption = (a: AccountRecord, paid: number): EndOfTermOption => {
    const buy = a.terms.endOfTerm.buy;
    const base = { choice: 'buy' as const, extendMonths: [] };
    if (buy.kind === 'residual') {
      return { ...base, available: true, priceMinor: buy.priceMinor, validUntil: maturityOf(a) };
    }
    if (buy.kind === 'payoff') {
      const payoff = payoffAfter(a, paid) ?? 0;
      const until = paid < a.termMonths ? dueDateOf(a, paid + 1) : maturityOf(a);
      return { ...base, available: payoff > 0, priceMinor: payoff, validUntil: until };
    }
    return { ...base, available: false, priceMinor: null, validUntil: null };
  };

  const optionsOf = (a: AccountRecord, paid: number): EndOfTermOption[] => {
    const e = a.terms.endOfTerm;
    const plain = (choice: 'return' | 'upgrade', available: boolean): EndOfTermOption => ({
      choice,
      available,
      priceMinor: null,
      validUntil: null,
      extendMonths: [],
    });
    return [
      plain('return', e.return),
      buyOption(a, paid),
      {
        choice: 'extend',
        available: e.extendMonths.length > 0,
        priceMinor: null,
        validUntil: null,
        extendMonths: [...e.extendMonths],
      },
      plain('upgrade', e.upgrade),
    ];
  };

  const inspectionOf = (a: AccountRecord): InspectionBooking | null => {
    const place = a.terms.inspectionPlace;
    const booking = store.inspection(a.id);
    return place && booking ? { ...booking, place } : null;
  };

  const endOfTermOf = (a: AccountRecord, paid: number): EndOfTerm => {
    const w = windowOf(a);
    return {
      daysLeft: daysBetween(w.today, w.maturity),
      opensOn: w.opensOn,
      windowOpen: w.open,
      options: optionsOf(a, paid),
      choice: store.latestChoice(a.id),
      inspectionAvailable: a.terms.inspectionPlace !== null,
      inspection: inspectionOf(a),
    };
  };

  const view = (a: AccountRecord): Account => {
    const paid = store.paymentsMade(a.id);
    const today = todayOf(a);
    const nextNumber = paid + 1;
    const due = nextNumber <= a.termMonths ? dueDateOf(a, nextNumber) : null;
    const m = a.terms.mileage;
    const extra = extraDistance(a);
    const saved = payments.list(a.vehicleId);
    const method = saved.find((p) => p.isDefault) ?? saved[0] ?? null;
    return {
      accountId: a.id,
      kind: a.kind,
      contract: {
        number: a.contractNumber,
        provider: a.provider,
        vehicleDescription: a.vehicleDescription,
        start: a.start,
        maturity: maturityOf(a),
        termMonths: a.termMonths,
        timeZone: a.timeZone,
        currency: a.currency,
        monthlyAmountMinor: a.monthlyMinor,
        paymentsMade: paid,
        paymentsRemaining: a.termMonths - paid,
      },
      mileage: m
        ? {
            ...m,
            extraDistance: extra,
            termDistance:
              Math.floor(
                m.per === 'year' ? (m.distance * a.termMonths) / 12 : m.distance * a.termMonths,
              ) + extra,
          }
        : null,
      mileagePacksAllowed: m !== null && a.terms.packs.length > 0,
      nextPayment: due
        ? {
            instalmentNumber: nextNumber,
            dueDate: due,
            amountMinor: instalmentAmount(a, nextNumber),
            currency: a.currency,
            overdue: today > due,
          }
        : null,
      paymentMethod: method ? { id: method.id, brand: method.brand, last4: method.last4 } : null,
      endOfTerm: endOfTermOf(a, paid),
      lastMileageReport: store.lastMileageReport(a.vehicleId),
    };
  };

  const packsAllowed = (a: AccountRecord) => {
    if (!a.terms.mileage || a.terms.packs.length === 0) {
      throw unprocessable(
        'mileage_packs_not_allowed',
        `This ${a.kind} contract has no mileage packs`,
      );
    }
    if (todayOf(a) >= maturityOf(a)) {
      throw unprocessable('mileage_packs_not_allowed', 'The contract term has ended');
    }
    return a.terms.mileage;
  };

  const inspectionSlotsOf = (a: AccountRecord): InspectionSlot[] => {
    const place = a.terms.inspectionPlace;
    if (!place) {
      throw unprocessable(
        'inspection_not_applicable',
        `A ${a.kind} car is not handed back, so there is no pre-inspection`,
      );
    }
    const w = windowOf(a);
    if (!w.open) {
      throw unprocessable('end_of_term_not_open', `The end-of-term journey opens on ${w.opensOn}`);
    }
    const last = [addDays(w.today, INSPECTION_DAYS_AHEAD), addDays(w.maturity, -1)].sort()[0];
    const rule = { ...INSPECTION_RULE, timeZone: a.timeZone };
    return slotsBetween(rule, addDays(w.today, 1), last as string, now().getTime()).map((s) => ({
      slotId: `ins_${s.code}`,
      start: new Date(s.startMs).toISOString(),
      end: new Date(s.endMs).toISOString(),
      place,
    }));
  };

  return {
    account(vehicleId) {
      return view(accountOf(vehicleId));
    },

    pay(vehicleId, clientPaymentId, request) {
      const digest = requestSha256(request);
      return transaction(db, () => {
        const a = accountOf(vehicleId);
        const result = (p: NonNullable<ReturnType<typeof store.paymentByClientId>>) => ({
          payment: {
            ...p.payment,
            clientPaymentId,
            currency: a.currency,
          },
          account: view(a),
        });
        const existing = store.paymentByClientId(a.id, clientPaymentId);
        if (existing) {
          if (existing.requestSha256 !== digest) throw conflict('payment');
          return { created: false, result: result(existing) };
        }
        const paid = store.paymentsMade(a.id);
        const next = paid + 1;
        if (next > a.termMonths) {
          throw unprocessable('no_instalment_due', 'Every instalment is paid');
        }
        if (request.instalmentNumber < next) {
          throw new ApiError(
            409,
            'instalment_already_paid',
            `Instalment ${request.instalmentNumber} is already paid; the next is ${next}`,
          );
        }
        if (request.instalmentNumber > next) {
          throw unprocessable(
            'instalment_not_next',
            `Instalment ${next} comes first`,
            'body.instalmentNumber',
          );
        }
        const amount = instalmentAmount(a, next);
        if (request.amountMinor !== amount) {
          throw unprocessable(
            'amount_mismatch',
            `Instalment ${next} is ${amount} minor units of ${a.currency}`,
            'body.amountMinor',
          );
        }
        const payment = {
          clientPaymentId,
          paymentId: newId('pay'),
          instalmentNumber: next,
          amountMinor: amount,
          payment: methodRef(vehicleId, request.paymentMethodId),
          paidAt: now().toISOString(),
        };
        store.insertPayment(a.id, payment, digest);
        return { created: true, result: result({ requestSha256: digest, payment }) };
      });
    },

    packs(vehicleId) {
      const a = accountOf(vehicleId);
      const mileage = packsAllowed(a);
      const purchased = store.purchases(a.id).map((p) => p.purchase);
      const extra = purchased.reduce((sum, p) => sum + p.distance, 0);
      return {
        packs: a.terms.packs
          .filter((p) => extra + p.distance <= a.terms.maxExtraDistance)
          .map((p) => ({ ...p, unit: mileage.unit, currency: a.currency })),
        purchased: purchased.map((p) => ({ ...p, unit: mileage.unit, currency: a.currency })),
        extraDistance: extra,
        maxExtraDistance: a.terms.maxExtraDistance,
      };
    },

    buyPack(vehicleId, request) {
      const digest = requestSha256(request);
      return transaction(db, () => {
        const a = accountOf(vehicleId);
        const full = (p: Omit<MileagePackPurchase, 'unit' | 'currency'>, unit: 'km' | 'mi') => ({
          purchase: { ...p, unit, currency: a.currency },
          account: view(a),
        });
        const existing = store.purchaseByClientId(a.id, request.clientPurchaseId);
        if (existing) {
          if (existing.requestSha256 !== digest) throw conflict('purchase');
          return { created: false, result: full(existing.purchase, a.terms.mileage?.unit ?? 'km') };
        }
        const mileage = packsAllowed(a);
        const pack = a.terms.packs.find((p) => p.id === request.packId);
        if (!pack) {
          throw unprocessable('unknown_mileage_pack', `No pack ${request.packId}`, 'body.packId');
        }
        if (extraDistance(a) + pack.distance > a.terms.maxExtraDistance) {
          throw unprocessable(
            'mileage_pack_limit',
            `Packs may add at most ${a.terms.maxExtraDistance} ${mileage.unit} to this contract`,
            'body.packId',
          );
        }
        if (
          request.expectedPriceMinor !== undefined &&
          request.expectedPriceMinor !== pack.priceMinor
        ) {
          throw unprocessable(
            'price_changed',
            `The pack now costs ${pack.priceMinor}`,
            'body.expectedPriceMinor',
          );
        }
        const purchase = {
          clientPurchaseId: request.clientPurchaseId,
          purchaseId: newId('mpp'),
          packId: pack.id,
          distance: pack.distance,
          priceMinor: pack.priceMinor,
          payment: methodRef(vehicleId, request.paymentMethodId),
          purchasedAt: now().toISOString(),
        };
        store.insertPurchase(a.id, purchase, digest);
        return { created: true, result: full(purchase, mileage.unit) };
      });
    },

    chooseEndOfTerm(vehicleId, request) {
      return transaction(db, () => {
        const a = accountOf(vehicleId);
        const w = windowOf(a);
        if (!w.open) {
          throw unprocessable('end_of_term_not_open', `End-of-term choices open on ${w.opensOn}`);
        }
        const option = optionsOf(a, store.paymentsMade(a.id)).find(
          (o) => o.choice === request.choice,
        );
        const unavailable = () =>
          unprocessable('option_unavailable', `This ${a.kind} does not offer ${request.choice}`);
        if (!option?.available) throw unavailable();
        let months: 6 | 12 | null = null;
        let modelId: string | null = null;
        let priceMinor: number | null = null;
        if (request.choice === 'extend') {
          if (!option.extendMonths.includes(request.months)) throw unavailable();
          months = request.months;
        } else if (request.choice === 'upgrade' && request.modelId !== undefined) {
          if (!modelExists(request.modelId)) {
            throw unprocessable('unknown_model', `No model ${request.modelId}`, 'body.modelId');
          }
          modelId = request.modelId;
        } else if (request.choice === 'buy') {
          priceMinor = option.priceMinor;
          if (
            request.expectedPriceMinor !== undefined &&
            request.expectedPriceMinor !== priceMinor
          ) {
            throw unprocessable(
              'price_changed',
              `The purchase price is now ${priceMinor}`,
              'body.expectedPriceMinor',
            );
          }
        }
        const latest = store.latestChoice(a.id);
        const same =
          latest &&
          latest.choice === request.choice &&
          latest.months === months &&
          latest.modelId === modelId &&
          latest.priceMinor === priceMinor;
        if (same) return { created: false, result: { choice: latest, account: view(a) } };
        const choice: EndOfTermChoice = {
          choice: request.choice,
          months,
          modelId,
          priceMinor,
          recordedAt: now().toISOString(),
        };
        store.insertChoice(a.id, choice);
        return { created: true, result: { choice, account: view(a) } };
      });
    },

    inspectionSlots(vehicleId) {
      const a = accountOf(vehicleId);
      const slots = inspectionSlotsOf(a);
      const booking = inspectionOf(a);
      return {
        slots: slots.filter((s) => s.slotId !== booking?.slotId),
        booking,
      };
    },

    bookInspection(vehicleId, request) {
      return transaction(db, () => {
        const a = accountOf(vehicleId);
        const slots = inspectionSlotsOf(a);
        const current = inspectionOf(a);
        if (current?.slotId === request.slotId) {
          return { created: false, result: { booking: current, account: view(a) } };
        }
        const slot = slots.find((s) => s.slotId === request.slotId);
        if (!slot) {
          throw unprocessable(
            'slot_unavailable',
            `${request.slotId} is not a free pre-inspection slot`,
            'body.slotId',
          );
        }
        const booking = { ...slot, bookedAt: now().toISOString() };
        store.upsertInspection(a.id, booking);
        return { created: true, result: { booking, account: view(a) } };
      });
    },

    reportMileage(vehicleId, request) {
      // One spelling of each instant, so stored times compare as text.
      const report = { odometerM: request.odometerM, at: new Date(request.at).toISOString() };
      return transaction(db, () => {
        const existing = store.mileageReportAt(vehicleId, report.at);
        if (existing) {
          if (existing.odometerM !== report.odometerM) throw conflict('reading time');
          return { created: false, result: { report: existing, duplicate: true } };
        }
        const { before, after } = store.mileageNeighbours(vehicleId, report.at);
        if (
          (before !== null && report.odometerM < before) ||
          (after !== null && report.odometerM > after)
        ) {
          throw unprocessable(
            'odometer_went_backwards',
            'The reading is lower than an earlier one (or higher than a later one)',
            'body.odometerM',
          );
        }
        store.insertMileageReport(vehicleId, report, now().toISOString());
        return { created: true, result: { report, duplicate: false } };
      });
    },
  };
}
