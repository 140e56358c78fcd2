import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountSchema,
  InspectionSlotListSchema,
  InstalmentPaymentResultSchema,
  MileagePackListSchema,
  MileagePackPurchaseResultSchema,
  type Account,
} from '../../common/cloudApi/finance.schema.ts';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import { projectMileage, type MileageContract } from '../../common/lease/projection.ts';
import { receivedRecords } from '../../cloud/audit.ts';
import { tokenDigest } from '../../cloud/auth.ts';
import type { CloudServer } from '../../cloud/server.ts';
import {
  api,
  CARD_1,
  CARD_2,
  CARD_3,
  cloudHarness,
  TOKEN_1,
  TOKEN_2,
  TOKEN_3,
  WEDNESDAY,
  type Harness,
} from '../support/cloud.ts';

/** The simulator's odometer at start (bridge/simulator.ts) and the recorded drive's. */
const SIMULATOR_ODOMETER_M = 12_345_000;
const TRACE_ODOMETER_M = 13_966_579;
const DAY = 86_400_000;

let h: Harness;
let server: CloudServer;
let clock: Date;

beforeEach(async () => {
  h = cloudHarness();
  clock = WEDNESDAY;
  server = await h.start({ now: () => clock });
});

afterEach(async () => {
  await h.cleanup();
});

async function account(token: string): Promise<Account> {
  const res = await api(server, token).get('/v1/account');
  expect(res.status).toBe(200);
  return AccountSchema.parse(res.body);
}

function errorCode(body: unknown): string {
  return ErrorResponseSchema.parse(body).error.code;
}

/** The projection input the car builds from the account and its live odometer. */
function contractOf(a: Account): MileageContract {
  const m = a.mileage;
  if (!m) throw new Error('no allowance');
  return {
    start: a.contract.start,
    maturity: a.contract.maturity,
    timeZone: a.contract.timeZone,
    allowance: { distance: m.distance, per: m.per },
    extraDistance: m.extraDistance,
    unit: m.unit,
    odometerAtStartM: m.odometerAtStartM,
    excessFeeMinorPerUnit: m.excessFeeMinorPerUnit,
    currency: a.contract.currency,
  };
}

describe('demo accounts', () => {
  it('the dev vehicle has an 18-month lease, over pace on either odometer, inside 120 days', async () => {
    const a = await account(TOKEN_1);
    expect(a.kind).toBe('lease');
    expect(a.contract).toMatchObject({
      start: '2024-12-21',
      maturity: '2026-06-21',
      termMonths: 18,
      currency: 'USD',
      monthlyAmountMinor: 38_900,
      paymentsMade: 15,
      paymentsRemaining: 3,
    });
    expect(a.nextPayment).toEqual({
      instalmentNumber: 16,
      dueDate: '2026-03-21',
      amountMinor: 38_900,
      currency: 'USD',
      overdue: false,
    });
    expect(a.mileage).toMatchObject({
      distance: 7_500,
      per: 'year',
      unit: 'km',
      termDistance: 11_250,
    });
    expect(a.paymentMethod).toEqual({ id: CARD_1, brand: 'visa', last4: '4242' });
    expect(a.endOfTerm.windowOpen).toBe(true);
    expect(a.endOfTerm.daysLeft).toBe(102);
    expect(a.endOfTerm.daysLeft).toBeLessThanOrEqual(120);
    expect(a.endOfTerm.options.map((o) => [o.choice, o.available])).toEqual([
      ['return', true],
      ['buy', true],
      ['extend', true],
      ['upgrade', true],
    ]);
    expect(a.endOfTerm.options[1]).toMatchObject({
      priceMinor: 2_180_000,
      validUntil: '2026-06-21',
    });
    for (const odometerM of [SIMULATOR_ODOMETER_M, TRACE_ODOMETER_M]) {
      const p = projectMileage({ contract: contractOf(a), odometerM, now: clock });
      expect(p.status).toBe('over_pace');
      expect(p.projectedOverageCostMinor).toBeGreaterThan(0);
    }
  });

  it('the second vehicle has a per-month subscription on pace, far from its end', async () => {
    const a = await account(TOKEN_2);
    expect(a.kind).toBe('subscription');
    expect(a.contract).toMatchObject({
      termMonths: 24,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    });
    expect(a.mileage).toMatchObject({
      distance: 1_250,
      per: 'month',
      excessFeeMinorPerUnit: 15,
      termDistance: 30_000,
    });
    expect(a.paymentMethod?.id).toBe(CARD_2);
    expect(a.endOfTerm.windowOpen).toBe(false);
    expect(a.endOfTerm.daysLeft).toBeGreaterThan(120);
    expect(a.endOfTerm.options.find((o) => o.choice === 'buy')?.available).toBe(false);
    for (const odometerM of [SIMULATOR_ODOMETER_M, TRACE_ODOMETER_M]) {
      const p = projectMileage({ contract: contractOf(a), odometerM, now: clock });
      expect(p.status).toBe('on_pace');
      expect(p.projectedOverageCostMinor).toBe(0);
    }
  });

  it('the third vehicle has a loan: no allowance, no packs, a payoff quote', async () => {
    const a = await account(TOKEN_3);
    expect(a.kind).toBe('loan');
    expect(a.mileage).toBeNull();
    expect(a.mileagePacksAllowed).toBe(false);
    expect(a.contract).toMatchObject({ termMonths: 48, paymentsMade: 19, paymentsRemaining: 29 });
    expect(a.nextPayment?.amountMinor).toBe(a.contract.monthlyAmountMinor);
    const buy = a.endOfTerm.options.find((o) => o.choice === 'buy');
    expect(buy?.available).toBe(true);
    // Less than the remaining instalments (interest not yet accrued), more than zero.
    expect(buy?.priceMinor).toBeGreaterThan(0);
    expect(buy?.priceMinor).toBeLessThan(29 * a.contract.monthlyAmountMinor);
    expect(buy?.validUntil).toBe(a.nextPayment?.dueDate);
    expect(a.endOfTerm.inspectionAvailable).toBe(false);
  });

  it('answers 401 without a token and 404 for a vehicle without an account', async () => {
    const res = await api(server).get('/v1/account');
    expect(res.status).toBe(401);
    server.db
      .prepare(
        "INSERT INTO vehicles (id, name, token_sha256, created_at) VALUES ('veh-x', 'X', ?, ?)",
      )
      .run(tokenDigest('no-account-token-0123456789abcdefghij'), clock.toISOString());
    const none = await api(server, 'no-account-token-0123456789abcdefghij').get('/v1/account');
    expect(none.status).toBe(404);
    expect(errorCode(none.body)).toBe('not_found');
  });

  it('seeds accounts once: a restart on another day changes nothing', async () => {
    const before = await account(TOKEN_1);
    await server.close();
    clock = new Date(WEDNESDAY.getTime() + 40 * DAY);
    server = await h.start({ now: () => clock });
    const after = await account(TOKEN_1);
    expect(after.contract).toEqual(before.contract);
    expect(after.endOfTerm.daysLeft).toBe(62);
    expect(after.nextPayment).toMatchObject({ instalmentNumber: 16, overdue: true });
  });
});

describe('paying an instalment', () => {
  const pay = (id: string, body: unknown, token = TOKEN_1) =>
    api(server, token).post(`/v1/account/payments/${id}`, body);
  const next = { paymentMethodId: CARD_1, instalmentNumber: 16, amountMinor: 38_900 };

  it('pays once however often the same request is sent', async () => {
    const first = await pay('pay-00000001', next);
    expect(first.status).toBe(201);
    const paid = InstalmentPaymentResultSchema.parse(first.body);
    expect(paid.payment).toMatchObject({
      clientPaymentId: 'pay-00000001',
      instalmentNumber: 16,
      amountMinor: 38_900,
      currency: 'USD',
      payment: { id: CARD_1, last4: '4242' },
    });
    expect(paid.account.contract.paymentsMade).toBe(16);
    expect(paid.account.nextPayment?.instalmentNumber).toBe(17);

    const again = await Promise.all([1, 2, 3].map(() => pay('pay-00000001', next)));
    for (const res of again) {
      expect(res.status).toBe(200);
      const body = InstalmentPaymentResultSchema.parse(res.body);
      expect(body.payment.paymentId).toBe(paid.payment.paymentId);
    }
    expect((await account(TOKEN_1)).contract.paymentsMade).toBe(16);
  });

  it('pays exactly once when the same request races itself', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => pay('pay-race-0001', next)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect((await account(TOKEN_1)).contract.paymentsMade).toBe(16);
  });

  it('refuses a different request under a used id, and a second payment of the same instalment', async () => {
    expect((await pay('pay-00000002', next)).status).toBe(201);
    const conflicting = await pay('pay-00000002', { ...next, paymentMethodId: 'pm_demo1mc4444' });
    expect(conflicting.status).toBe(409);
    expect(errorCode(conflicting.body)).toBe('idempotency_conflict');
    const twice = await pay('pay-00000003', next);
    expect(twice.status).toBe(409);
    expect(errorCode(twice.body)).toBe('instalment_already_paid');
  });

  it.each([
    ['a wrong amount', { ...next, amountMinor: 38_000 }, 'amount_mismatch'],
    ['a later instalment', { ...next, instalmentNumber: 17 }, 'instalment_not_next'],
    ['another vehicle’s card', { ...next, paymentMethodId: CARD_2 }, 'unknown_payment_method'],
  ])('refuses %s with 422', async (_name, body, code) => {
    const res = await pay('pay-refused1', body);
    expect(res.status).toBe(422);
    expect(errorCode(res.body)).toBe(code);
    expect((await account(TOKEN_1)).contract.paymentsMade).toBe(15);
  });

  it('pays a loan instalment from its schedule, until nothing is due', async () => {
    const loan = await account(TOKEN_3);
    const due = loan.nextPayment;
    if (!due) throw new Error('a loan instalment should be due');
    const res = await pay(
      'loan-pay-0001',
      {
        paymentMethodId: CARD_3,
        instalmentNumber: due.instalmentNumber,
        amountMinor: due.amountMinor,
      },
      TOKEN_3,
    );
    expect(res.status).toBe(201);
    const after = InstalmentPaymentResultSchema.parse(res.body).account;
    const payoff = (a: Account) => a.endOfTerm.options.find((o) => o.choice === 'buy')?.priceMinor;
    expect(payoff(after)).toBeLessThan(payoff(loan) as number);

    // The lease's last three instalments, then nothing is due.
    for (const n of [16, 17, 18]) {
      expect((await pay(`lease-pay-${n}00`, { ...next, instalmentNumber: n })).status).toBe(201);
    }
    const done = await account(TOKEN_1);
    expect(done.nextPayment).toBeNull();
    expect(done.contract.paymentsRemaining).toBe(0);
    const extra = await pay('lease-pay-1900', { ...next, instalmentNumber: 19 });
    expect(extra.status).toBe(422);
    expect(errorCode(extra.body)).toBe('no_instalment_due');
  });

  it('validates the client payment id and body', async () => {
    expect((await pay('short', next)).status).toBe(400);
    expect((await pay('pay-00000009', { ...next, amountMinor: -1 })).status).toBe(400);
  });
});

describe('mileage packs', () => {
  const buy = (clientPurchaseId: string, packId: string, extra: object = {}, token = TOKEN_1) =>
    api(server, token).post('/v1/account/mileage-packs', {
      clientPurchaseId,
      packId,
      paymentMethodId: token === TOKEN_2 ? CARD_2 : CARD_1,
      ...extra,
    });

  it('lists the packs and adds a bought one to the allowance, idempotently', async () => {
    const listed = MileagePackListSchema.parse(
      (await api(server, TOKEN_1).get('/v1/account/mileage-packs')).body,
    );
    expect(listed.packs.map((p) => [p.id, p.distance, p.priceMinor, p.unit, p.currency])).toEqual([
      ['km-1000', 1_000, 18_000, 'km', 'USD'],
      ['km-2500', 2_500, 40_000, 'km', 'USD'],
    ]);
    expect(listed).toMatchObject({ extraDistance: 0, maxExtraDistance: 5_000, purchased: [] });

    const before = await account(TOKEN_1);
    const first = await buy('pack-000001', 'km-2500', { expectedPriceMinor: 40_000 });
    expect(first.status).toBe(201);
    const bought = MileagePackPurchaseResultSchema.parse(first.body);
    expect(bought.account.mileage).toMatchObject({ extraDistance: 2_500, termDistance: 13_750 });
    const again = await buy('pack-000001', 'km-2500', { expectedPriceMinor: 40_000 });
    expect(again.status).toBe(200);
    expect(MileagePackPurchaseResultSchema.parse(again.body).purchase.purchaseId).toBe(
      bought.purchase.purchaseId,
    );
    const conflict = await buy('pack-000001', 'km-1000');
    expect(conflict.status).toBe(409);

    // The car's projection lowers the overage by what the pack covers.
    const cost = (a: Account) =>
      projectMileage({ contract: contractOf(a), odometerM: SIMULATOR_ODOMETER_M, now: clock })
        .projectedOverageCostMinor;
    expect(cost(bought.account)).toBeLessThan(cost(before));
  });

  it('stops at the contract’s limit and refuses a changed price or unknown pack', async () => {
    expect((await buy('pack-000002', 'km-2500')).status).toBe(201);
    expect((await buy('pack-000003', 'km-2500')).status).toBe(201);
    const over = await buy('pack-000004', 'km-1000');
    expect(over.status).toBe(422);
    expect(errorCode(over.body)).toBe('mileage_pack_limit');
    const listed = MileagePackListSchema.parse(
      (await api(server, TOKEN_1).get('/v1/account/mileage-packs')).body,
    );
    expect(listed.packs).toEqual([]);
    expect(listed.purchased).toHaveLength(2);

    const price = await buy('pack-000005', 'km-500', { expectedPriceMinor: 1 }, TOKEN_2);
    expect(price.status).toBe(422);
    expect(errorCode(price.body)).toBe('price_changed');
    const unknown = await buy('pack-000006', 'mi-100', {}, TOKEN_2);
    expect(errorCode(unknown.body)).toBe('unknown_mileage_pack');
    expect(
      (await buy('pack-000007', 'km-500', { expectedPriceMinor: 6_000 }, TOKEN_2)).status,
    ).toBe(201);
  });

  it('answers 422 mileage_packs_not_allowed where the contract has none', async () => {
    const listed = await api(server, TOKEN_3).get('/v1/account/mileage-packs');
    expect(listed.status).toBe(422);
    expect(errorCode(listed.body)).toBe('mileage_packs_not_allowed');
    const bought = await api(server, TOKEN_3).post('/v1/account/mileage-packs', {
      clientPurchaseId: 'pack-loan-01',
      packId: 'km-1000',
      paymentMethodId: CARD_3,
    });
    expect(bought.status).toBe(422);
    expect(errorCode(bought.body)).toBe('mileage_packs_not_allowed');
  });
});

describe('end of term', () => {
  const choose = (body: unknown, token = TOKEN_1) =>
    api(server, token).post('/v1/account/end-of-term', body);

  it('records the latest choice; repeating it records nothing', async () => {
    const buy = await choose({ choice: 'buy', expectedPriceMinor: 2_180_000 });
    expect(buy.status).toBe(201);
    expect(buy.body).toMatchObject({ choice: { choice: 'buy', priceMinor: 2_180_000 } });
    expect((await choose({ choice: 'buy', expectedPriceMinor: 2_180_000 })).status).toBe(200);
    const extend = await choose({ choice: 'extend', months: 12 });
    expect(extend.status).toBe(201);
    const upgrade = await choose({ choice: 'upgrade', modelId: 'ex3' });
    expect(upgrade.status).toBe(201);
    expect((await account(TOKEN_1)).endOfTerm.choice).toMatchObject({
      choice: 'upgrade',
      modelId: 'ex3',
      months: null,
    });
    const history = server.db
      .prepare('SELECT choice FROM end_of_term_choices ORDER BY id')
      .all()
      .map((r) => r.choice);
    expect(history).toEqual(['buy', 'extend', 'upgrade']);
  });

  it.each([
    ['a changed buy price', { choice: 'buy', expectedPriceMinor: 1 }, 422, 'price_changed'],
    ['an unknown model', { choice: 'upgrade', modelId: 'no-such-car' }, 422, 'unknown_model'],
    ['an extension length not offered', { choice: 'extend', months: 3 }, 400, 'invalid_request'],
    ['an unknown choice', { choice: 'keep' }, 400, 'invalid_request'],
  ])('refuses %s', async (_name, body, status, code) => {
    const res = await choose(body);
    expect(res.status).toBe(status);
    expect(errorCode(res.body)).toBe(code);
  });

  it('opens 120 days before maturity and offers only what the contract has', async () => {
    const closed = await choose({ choice: 'return' }, TOKEN_2);
    expect(closed.status).toBe(422);
    expect(errorCode(closed.body)).toBe('end_of_term_not_open');
    expect(errorCode((await choose({ choice: 'buy' }, TOKEN_3)).body)).toBe('end_of_term_not_open');

    const sub = await account(TOKEN_2);
    clock = new Date(Date.parse(`${sub.endOfTerm.opensOn}T12:00:00Z`));
    const open = await account(TOKEN_2);
    expect(open.endOfTerm).toMatchObject({ windowOpen: true, daysLeft: 120 });
    const buy = await choose({ choice: 'buy' }, TOKEN_2);
    expect(buy.status).toBe(422);
    expect(errorCode(buy.body)).toBe('option_unavailable');
    expect((await choose({ choice: 'return' }, TOKEN_2)).status).toBe(201);
  });
});

describe('pre-inspection', () => {
  it('offers weekday slots before maturity and books, rebooks and replays', async () => {
    const res = await api(server, TOKEN_1).get('/v1/account/inspection');
    expect(res.status).toBe(200);
    const list = InspectionSlotListSchema.parse(res.body);
    expect(list.booking).toBeNull();
    expect(list.slots.length).toBeGreaterThan(20);
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (const slot of list.slots) {
      expect(Date.parse(slot.start)).toBeGreaterThan(clock.getTime());
      expect(slot.start < '2026-06-21').toBe(true);
      const text = local.format(new Date(slot.start));
      expect(text).toMatch(/^(Mon|Tue|Wed|Thu|Fri) (09|11|14|16):00$/);
    }
    const [first, second] = list.slots;
    if (!first || !second) throw new Error('two slots expected');
    const booked = await api(server, TOKEN_1).post('/v1/account/inspection', {
      slotId: first.slotId,
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ booking: { slotId: first.slotId, start: first.start } });
    expect(
      (await api(server, TOKEN_1).post('/v1/account/inspection', { slotId: first.slotId })).status,
    ).toBe(200);
    const moved = await api(server, TOKEN_1).post('/v1/account/inspection', {
      slotId: second.slotId,
    });
    expect(moved.status).toBe(201);
    expect((await account(TOKEN_1)).endOfTerm.inspection?.slotId).toBe(second.slotId);
  });

  it.each([
    ['a Saturday', TOKEN_1, 'ins_202603140900', 'slot_unavailable'],
    ['a past slot', TOKEN_1, 'ins_202603100900', 'slot_unavailable'],
    ['a loan', TOKEN_3, 'ins_202603120900', 'inspection_not_applicable'],
    ['a subscription far from its end', TOKEN_2, 'ins_202603120900', 'end_of_term_not_open'],
  ])('refuses %s', async (_name, token, slotId, code) => {
    const res = await api(server, token).post('/v1/account/inspection', { slotId });
    expect(res.status).toBe(422);
    expect(errorCode(res.body)).toBe(code);
  });
});

describe('mileage sharing', () => {
  const report = (odometerM: number, at: string) =>
    api(server, TOKEN_1).post('/v1/account/mileage', { odometerM, at });

  it('records readings once, in order, and keeps the server’s own record of them', async () => {
    const first = await report(12_345_000, '2026-03-11T17:00:00Z');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      report: { odometerM: 12_345_000, at: '2026-03-11T17:00:00.000Z' },
      duplicate: false,
    });
    const retry = await report(12_345_000, '2026-03-11T17:00:00.000Z');
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ duplicate: true });
    expect((await report(12_345_999, '2026-03-11T17:00:00Z')).status).toBe(409);
    const backwards = await report(12_000_000, '2026-03-11T17:30:00Z');
    expect(backwards.status).toBe(422);
    expect(errorCode(backwards.body)).toBe('odometer_went_backwards');
    expect((await report(12_360_000, '2026-03-11T17:45:00Z')).status).toBe(201);
    expect((await account(TOKEN_1)).lastMileageReport).toEqual({
      odometerM: 12_360_000,
      at: '2026-03-11T17:45:00.000Z',
    });

    const records = receivedRecords(server.db).filter((r) => r.route === '/v1/account/mileage');
    expect(records.map((r) => [r.vehicleId, r.odometerM])).toEqual([
      ['veh-demo-1', 12_345_000],
      ['veh-demo-1', 12_345_000],
      ['veh-demo-1', 12_345_999],
      ['veh-demo-1', 12_000_000],
      ['veh-demo-1', 12_360_000],
    ]);
  });

  it('refuses readings that are not a uint32 of metres', async () => {
    expect((await report(-1, '2026-03-11T17:00:00Z')).status).toBe(400);
    expect((await report(1.5, '2026-03-11T17:00:00Z')).status).toBe(400);
    expect((await report(12_345_000, 'yesterday')).status).toBe(400);
  });
});
