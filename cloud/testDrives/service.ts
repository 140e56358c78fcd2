import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import {
  TEST_DRIVE_DAYS_AHEAD,
  TestDriveModelSchema,
  type TestDriveBooking,
  type TestDriveModel,
  type TestDriveSlot,
  type TestDriveSlotList,
} from '../../common/cloudApi/testDrives.schema.ts';
import { addDays, localDate } from '../../common/lease/calendar.ts';
import {
  TEST_DRIVE_DAYS,
  TEST_DRIVE_SEED_VERSION,
  TEST_DRIVE_SLOT_TIMES,
} from '../catalogue/seed/testDrives.ts';
import { transaction } from '../../common/node/transaction.ts';
import { requestSha256 } from '../db/requestDigest.ts';
import { ApiError, notFound, unprocessable } from '../http/errors.ts';
import { slotsBetween } from '../slots.ts';

/** Bookings open this long before a slot at the latest (the dealer prepares the car). */
export const BOOKING_LEAD_MS = 2 * 3_600_000;

interface BookingRow {
  client_booking_id: string;
  booking_id: string;
  request_sha256: string;
  slot_id: string;
  model_id: string;
  start_at: string;
  end_at: string;
  state: TestDriveBooking['state'];
  created_at: string;
  updated_at: string;
}

export interface TestDriveService {
  models(): TestDriveModel[];
  exists(modelId: string): boolean;
  slots(modelId: string, from: string | undefined): TestDriveSlotList;
  book(
    vehicleId: string,
    clientBookingId: string,
    request: { slotId: string },
  ): { created: boolean; booking: TestDriveBooking };
  cancel(vehicleId: string, clientBookingId: string): TestDriveBooking;
  list(vehicleId: string): TestDriveBooking[];
}

const SLOT_ID = /^tds_([a-z0-9-]+)_(\d{12})$/;

export function createTestDriveService(options: {
  db: DatabaseSync;
  now: () => Date;
}): TestDriveService {
  const { db, now } = options;

  const all = (): TestDriveModel[] =>
    (
      db.prepare('SELECT model_json FROM test_drive_models ORDER BY sort, id').all() as {
        model_json: string;
      }[]
    ).map((r) => TestDriveModelSchema.parse(JSON.parse(r.model_json)));

  const model = (id: string): TestDriveModel | null => {
    const row = db.prepare('SELECT model_json FROM test_drive_models WHERE id = ?').get(id) as
      { model_json: string } | undefined;
    return row ? TestDriveModelSchema.parse(JSON.parse(row.model_json)) : null;
  };

  /** The model's slots from `from` (dealer-local date) for the booking horizon. */
  const slotsOf = (m: TestDriveModel, from?: string) => {
    const at = now();
    const today = localDate(at, m.dealer.timeZone);
    const last = addDays(today, TEST_DRIVE_DAYS_AHEAD - 1);
    const first = from && from > today ? from : today;
    const rule = {
      weekdays: TEST_DRIVE_DAYS,
      times: TEST_DRIVE_SLOT_TIMES,
      durationMinutes: m.durationMinutes,
      timeZone: m.dealer.timeZone,
    };
    return first > last ? [] : slotsBetween(rule, first, last, at.getTime() + BOOKING_LEAD_MS);
  };

  const taken = (slotIds: string[]): Set<string> => {
    if (slotIds.length === 0) return new Set();
    const rows = db
      .prepare(
        `SELECT slot_id FROM test_drive_bookings WHERE state = 'booked'
         AND slot_id IN (${slotIds.map(() => '?').join(',')})`,
      )
      .all(...slotIds) as { slot_id: string }[];
    return new Set(rows.map((r) => r.slot_id));
  };

  const view = (row: BookingRow): TestDriveBooking => {
    const m = model(row.model_id);
    if (!m) throw new Error(`booking ${row.booking_id} names a model no longer seeded`);
    return {
      clientBookingId: row.client_booking_id,
      bookingId: row.booking_id,
      state: row.state,
      slotId: row.slot_id,
      modelId: row.model_id,
      modelName: m.name,
      start: row.start_at,
      end: row.end_at,
      dealer: m.dealer,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  };

  const find = (vehicleId: string, clientBookingId: string) =>
    db
      .prepare('SELECT * FROM test_drive_bookings WHERE vehicle_id = ? AND client_booking_id = ?')
      .get(vehicleId, clientBookingId) as BookingRow | undefined;

  return {
    models: all,

    exists(modelId) {
      return model(modelId) !== null;
    },

    slots(modelId, from) {
      const m = model(modelId);
      if (!m) throw notFound(`No test-drive model ${modelId}`);
      const slots = slotsOf(m, from).map((s): TestDriveSlot => ({
        slotId: `tds_${m.id}_${s.code}`,
        modelId: m.id,
        start: new Date(s.startMs).toISOString(),
        end: new Date(s.endMs).toISOString(),
        available: true,
      }));
      const busy = taken(slots.map((s) => s.slotId));
      return { model: m, slots: slots.map((s) => ({ ...s, available: !busy.has(s.slotId) })) };
    },

    book(vehicleId, clientBookingId, request) {
      const digest = requestSha256(request);
      return transaction(db, () => {
        const existing = find(vehicleId, clientBookingId);
        if (existing) {
          if (existing.request_sha256 !== digest) {
            throw new ApiError(
              409,
              'idempotency_conflict',
              'This booking id was already used for a different slot; use a new id',
            );
          }
          return { created: false, booking: view(existing) };
        }
        const match = SLOT_ID.exec(request.slotId);
        const m = match ? model(match[1] as string) : null;
        if (!match || !m) {
          throw unprocessable('unknown_slot', `No slot ${request.slotId}`, 'body.slotId');
        }
        const slot = slotsOf(m).find((s) => s.code === match[2]);
        if (!slot) {
          throw unprocessable(
            'slot_unavailable',
            `${request.slotId} is not a bookable slot (past, too soon, too far ahead or closed)`,
            'body.slotId',
          );
        }
        if (taken([request.slotId]).size > 0) {
          throw new ApiError(409, 'slot_taken', 'Someone has just booked this slot');
        }
        const at = now().toISOString();
        const row: BookingRow = {
          client_booking_id: clientBookingId,
          booking_id: `tdb_${randomBytes(8).toString('hex')}`,
          request_sha256: digest,
          slot_id: request.slotId,
          model_id: m.id,
          start_at: new Date(slot.startMs).toISOString(),
          end_at: new Date(slot.endMs).toISOString(),
          state: 'booked',
          created_at: at,
          updated_at: at,
        };
        db.prepare(
          `INSERT INTO test_drive_bookings (vehicle_id, client_booking_id, booking_id,
             request_sha256, slot_id, model_id, start_at, end_at, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          vehicleId,
          row.client_booking_id,
          row.booking_id,
          row.request_sha256,
          row.slot_id,
          row.model_id,
          row.start_at,
          row.end_at,
          row.state,
          row.created_at,
          row.updated_at,
        );
        return { created: true, booking: view(row) };
      });
    },

    cancel(vehicleId, clientBookingId) {
      return transaction(db, () => {
        const row = find(vehicleId, clientBookingId);
        if (!row) throw notFound(`No test-drive booking ${clientBookingId}`);
        if (row.state === 'cancelled') return view(row); // safe to retry
        if (Date.parse(row.start_at) <= now().getTime()) {
          throw new ApiError(409, 'not_cancellable', 'The test drive has already started');
        }
        const at = now().toISOString();
        db.prepare(
          `UPDATE test_drive_bookings SET state = 'cancelled', updated_at = ?
           WHERE vehicle_id = ? AND client_booking_id = ?`,
        ).run(at, vehicleId, clientBookingId);
        return view({ ...row, state: 'cancelled', updated_at: at });
      });
    },

    list(vehicleId) {
      const rows = db
        .prepare(
          `SELECT * FROM test_drive_bookings WHERE vehicle_id = ?
           ORDER BY start_at, created_at`,
        )
        .all(vehicleId) as unknown as BookingRow[];
      return rows.map(view);
    },
  };
}

/** Replaces the models when their seed version changed; bookings keep their slot and times. */
export function seedTestDriveModels(
  db: DatabaseSync,
  now: Date,
  models: readonly TestDriveModel[],
): boolean {
  const row = db.prepare("SELECT version FROM seed_state WHERE name = 'test_drives'").get() as
    { version: number } | undefined;
  if (row?.version === TEST_DRIVE_SEED_VERSION) return false;
  const parsed = models.map((m) => TestDriveModelSchema.parse(m));
  db.exec('DELETE FROM test_drive_models');
  parsed.forEach((m, i) => {
    db.prepare('INSERT INTO test_drive_models (id, sort, model_json) VALUES (?, ?, ?)').run(
      m.id,
      i,
      JSON.stringify(m),
    );
  });
  db.prepare(
    `INSERT INTO seed_state (name, version, seeded_at) VALUES ('test_drives', ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, seeded_at = excluded.seeded_at`,
  ).run(TEST_DRIVE_SEED_VERSION, now.toISOString());
  return true;
}
