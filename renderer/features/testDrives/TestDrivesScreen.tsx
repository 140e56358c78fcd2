import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TestDriveBooking,
  TestDriveModel,
} from '../../../common/cloudApi/testDrives.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';

/** A day's worth of choices, not the dealer's whole calendar (C3). */
const SLOTS_SHOWN = 6;

function Bookings({ bookings, onCancel }: { bookings: TestDriveBooking[]; onCancel: () => void }) {
  const { t, i18n } = useTranslation('testDrives');
  const [cancelBooking] = useHostMutation('testDrives.cancel', {
    invalidates: ['testDrives.list', 'testDrives.slots'],
  });
  const [failed, setFailed] = useState(false);
  const active = bookings.filter((b) => b.state === 'booked');
  if (active.length === 0) return null;
  const cancel = async (id: string) => {
    setFailed(false);
    try {
      await cancelBooking({ clientBookingId: id });
      onCancel();
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="card" data-testid="test-drive-bookings">
      <h2 className="setting__label">{t('booked')}</h2>
      {active.map((b) => (
        <div
          className="button-row"
          key={b.clientBookingId}
          data-testid={`test-drive-booking-${b.clientBookingId}`}
        >
          <span>
            {t('bookingLine', {
              model: b.modelName,
              at: formatDateTime(b.start, i18n.language),
              dealer: b.dealer.name,
            })}
          </span>
          <Button onClick={() => void cancel(b.clientBookingId)} data-testid="test-drive-cancel">
            {t('cancel')}
          </Button>
        </div>
      ))}
      {failed && (
        <p className="error-line" role="alert">
          {t('failed')}
        </p>
      )}
    </section>
  );
}

function Slots({ model, onBooked }: { model: TestDriveModel; onBooked: () => void }) {
  const { t, i18n } = useTranslation('testDrives');
  const [bookSlot] = useHostMutation('testDrives.book', {
    invalidates: ['testDrives.list', 'testDrives.slots'],
  });
  // One id for this booking attempt: booking again after a lost answer books once.
  const [clientBookingId] = useState(() => `tdb-${crypto.randomUUID()}`);
  const [failed, setFailed] = useState(false);
  const [load, retry] = useHostQuery('testDrives.slots', { modelId: model.id });
  if (load.status === 'loading') return load.slow ? <p className="label">{t('loading')}</p> : null;
  if (load.status === 'error') {
    return (
      <>
        <p className="error-line" role="alert">
          {t('failed')}
        </p>
        <div className="button-row">
          <Button onClick={retry}>{t('retry')}</Button>
        </div>
      </>
    );
  }
  const free = load.value.slots.filter((s) => s.available).slice(0, SLOTS_SHOWN);
  const book = async (slotId: string) => {
    setFailed(false);
    try {
      await bookSlot({ clientBookingId, slotId });
      onBooked();
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="card" data-testid="test-drive-slots">
      <h2 className="setting__label">
        {t('slotsAt', { dealer: model.dealer.name, minutes: model.durationMinutes })}
      </h2>
      {free.length === 0 ? (
        <p className="label">{t('noSlots')}</p>
      ) : (
        <div className="button-row">
          {free.map((slot) => (
            <Button
              key={slot.slotId}
              onClick={() => void book(slot.slotId)}
              data-testid={`test-drive-slot-${slot.slotId}`}
            >
              {formatDateTime(slot.start, i18n.language)}
            </Button>
          ))}
        </div>
      )}
      {failed && (
        <p className="error-line" role="alert">
          {t('failed')}
        </p>
      )}
    </section>
  );
}

/**
 * Test drives of the next car: the models, then one model's free slots at its dealer, booked with
 * one tap; the car's bookings can be cancelled here too.
 */
export function TestDrivesScreen() {
  const { t, i18n } = useTranslation('testDrives');
  const top = useAppStore((s) => s.stack[s.stack.length - 1]);
  const replaceTop = useAppStore((s) => s.replaceTop);
  const modelId = top?.name === 'testDrives' ? top.modelId : undefined;
  // A new slot list after each booking or cancellation, with a new booking id (see Slots).
  const [version, setVersion] = useState(0);
  const [models] = useHostQuery('testDrives.models', undefined);
  const [bookings] = useHostQuery('testDrives.list', undefined);
  const refresh = () => setVersion((v) => v + 1);
  const model =
    models.status === 'ok' ? models.value.models.find((m) => m.id === modelId) : undefined;

  return (
    <div className="test-drives" data-testid="test-drives">
      {/* The way back to all models sits beside the title: the slots need the height. */}
      <div className="screen-header">
        <h1 className="screen__title">{model ? model.name : t('title')}</h1>
        {model && (
          <Button
            onClick={() => replaceTop({ name: 'testDrives' })}
            data-testid="test-drive-all-models"
          >
            {t('allModels')}
          </Button>
        )}
      </div>
      {bookings.status === 'ok' && (
        <Bookings bookings={bookings.value.bookings} onCancel={refresh} />
      )}
      {models.status === 'loading' && models.slow && <p className="label">{t('loading')}</p>}
      {models.status === 'error' && (
        <p className="error-line" role="alert">
          {t('failed')}
        </p>
      )}
      {models.status === 'ok' &&
        (model ? (
          <Slots key={`${model.id}:${version}`} model={model} onBooked={refresh} />
        ) : (
          <RestrictedList
            items={models.value.models}
            keyOf={(m) => m.id}
            label={t('title')}
            renderItem={(m) => (
              <Button
                className="row-button"
                onClick={() => replaceTop({ name: 'testDrives', modelId: m.id })}
                data-testid={`test-drive-model-${m.id}`}
              >
                <span className="row-button__text">
                  <span className="row-button__title">
                    <LimitedText text={m.name} />
                  </span>
                  <span className="row-button__detail">
                    {t('modelLine', {
                      powertrain: t(`powertrain.${m.powertrain}`),
                      monthly: formatMoney(m.fromMonthlyMinor, m.currency, i18n.language),
                    })}
                  </span>
                </span>
              </Button>
            )}
          />
        ))}
    </div>
  );
}
