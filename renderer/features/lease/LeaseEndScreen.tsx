import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  Account,
  EndOfTermOption,
  EndOfTermRequest,
  InspectionSlot,
} from '../../../common/cloudApi/finance.schema.ts';
import { END_OF_TERM_WINDOW_DAYS } from '../../../common/lease/endOfTerm.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { formatDay } from './leaseModel.ts';

/** Shown at most: a few slots are a choice, a calendar is not (C3). */
const SLOTS_SHOWN = 3;

function Step({
  done,
  title,
  testId,
  children,
}: {
  done: boolean;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('lease');
  return (
    <section className="card lease-step" data-testid={testId} data-done={done}>
      <h2 className="setting__label">
        <span aria-label={t(done ? 'end.done' : 'end.todo')}>{done ? '✓' : '○'}</span> {title}
      </h2>
      {children}
    </section>
  );
}

function Inspection({ account, onChange }: { account: Account; onChange: (a: Account) => void }) {
  const { t, i18n } = useTranslation('lease');
  const [asked, setAsked] = useState(false);
  const [slotsLoad] = useHostQuery('account.inspectionSlots', asked ? undefined : null);
  const [bookInspection] = useHostMutation('account.bookInspection', {
    invalidates: ['account.get', 'account.inspectionSlots'],
  });
  const slots: InspectionSlot[] | null = slotsLoad.status === 'ok' ? slotsLoad.value.slots : null;
  const [failed, setFailed] = useState(false);
  const booking = account.endOfTerm.inspection;
  const run = async (action: () => Promise<void>) => {
    setFailed(false);
    try {
      await action();
    } catch {
      setFailed(true);
    }
  };
  return (
    <Step done={booking !== null} title={t('end.inspection')} testId="lease-end-inspection">
      {booking ? (
        <p data-testid="lease-end-inspection-booked">
          {t('end.inspectionBooked', {
            at: formatDateTime(booking.start, i18n.language),
            place: booking.place.name,
          })}
        </p>
      ) : slots === null ? (
        <div className="button-row">
          <Button onClick={() => setAsked(true)} data-testid="lease-end-inspection-slots">
            {t('end.chooseTime')}
          </Button>
        </div>
      ) : slots.length === 0 ? (
        <p className="label">{t('end.noSlots')}</p>
      ) : (
        <div className="button-row">
          {slots.slice(0, SLOTS_SHOWN).map((slot) => (
            <Button
              key={slot.slotId}
              onClick={() =>
                void run(async () =>
                  onChange((await bookInspection({ slotId: slot.slotId })).account),
                )
              }
              data-testid={`lease-end-slot-${slot.slotId}`}
            >
              {formatDateTime(slot.start, i18n.language)}
            </Button>
          ))}
        </div>
      )}
      {(failed || slotsLoad.status === 'error') && (
        <p className="error-line" role="alert">
          {t('end.failed')}
        </p>
      )}
    </Step>
  );
}

function optionLabel(
  option: EndOfTermOption,
  t: TFunction<'lease'>,
  money: (minor: number) => string,
  lng: string,
): string {
  if (option.choice === 'buy' && option.priceMinor !== null) {
    return t('end.choice.buyQuote', {
      price: money(option.priceMinor),
      until: option.validUntil ? formatDay(option.validUntil, lng) : '',
    });
  }
  return t(`end.choice.${option.choice}`);
}

function Choice({ account, onChange }: { account: Account; onChange: (a: Account) => void }) {
  const { t, i18n } = useTranslation('lease');
  const [chooseEndOfTerm] = useHostMutation('account.endOfTerm', {
    invalidates: ['account.get'],
  });
  const [failed, setFailed] = useState(false);
  const lng = i18n.language;
  const money = (minor: number) => formatMoney(minor, account.contract.currency, lng);
  const chosen = account.endOfTerm.choice;
  const choose = async (request: EndOfTermRequest) => {
    setFailed(false);
    try {
      onChange((await chooseEndOfTerm(request)).account);
    } catch {
      setFailed(true);
    }
  };
  const options = account.endOfTerm.options.filter((o) => o.available);
  return (
    <Step done={chosen !== null} title={t('end.choose')} testId="lease-end-choice">
      {chosen && (
        <p data-testid="lease-end-chosen" data-choice={chosen.choice}>
          {t('end.chosen', { choice: t(`end.choice.${chosen.choice}`) })}
        </p>
      )}
      <div className="lease-choices">
        {options.flatMap((o) => {
          if (o.choice === 'extend') {
            return o.extendMonths.map((months) => (
              <Button
                key={`extend-${months}`}
                aria-pressed={chosen?.choice === 'extend' && chosen.months === months}
                onClick={() => void choose({ choice: 'extend', months })}
                data-testid={`lease-end-extend-${months}`}
              >
                {t('end.choice.extendMonths', { months })}
              </Button>
            ));
          }
          const request: EndOfTermRequest =
            o.choice === 'buy'
              ? { choice: 'buy', expectedPriceMinor: o.priceMinor ?? undefined }
              : { choice: o.choice };
          return [
            <Button
              key={o.choice}
              aria-pressed={chosen?.choice === o.choice}
              onClick={() => void choose(request)}
              data-testid={`lease-end-${o.choice}`}
            >
              {optionLabel(o, t, money, lng)}
            </Button>,
          ];
        })}
      </div>
      {failed && (
        <p className="error-line" role="alert">
          {t('end.failed')}
        </p>
      )}
    </Step>
  );
}

/**
 * The end-of-term checklist, open from 120 days before maturity: the countdown, the
 * pre-inspection, the choice (return, buy at the quoted price, extend, upgrade) and a test drive
 * of the next car. Before the window opens it says when it will.
 */
export function LeaseEndScreen() {
  const { t, i18n } = useTranslation('lease');
  const push = useAppStore((s) => s.push);
  const [load, retry] = useHostQuery('account.get', undefined);
  const [updated, setUpdated] = useState<Account | null>(null);
  if (load.status !== 'ok') {
    return (
      <div className="lease-end">
        <h1 className="screen__title">{t('end.title')}</h1>
        {load.status === 'error' ? (
          <>
            <p className="error-line" role="alert">
              {t('loadFailed')}
            </p>
            <div className="button-row">
              <Button onClick={retry}>{t('retry')}</Button>
            </div>
          </>
        ) : (
          load.slow && <p className="label">{t('loading')}</p>
        )}
      </div>
    );
  }
  const account = updated ?? load.value.account;
  const eot = account.endOfTerm;
  return (
    <div className="lease-end" data-testid="lease-end">
      <div className="screen-header">
        <h1 className="screen__title">{t('end.title')}</h1>
        <p
          className="lease-countdown screen-header__info"
          data-testid="lease-end-countdown"
          data-days={eot.daysLeft}
        >
          {t('end.countdown', {
            count: Math.max(0, eot.daysLeft),
            date: formatDay(account.contract.maturity, i18n.language),
          })}
        </p>
      </div>
      {!eot.windowOpen ? (
        <p className="label" data-testid="lease-end-not-yet">
          {t('end.notYet', {
            date: formatDay(eot.opensOn, i18n.language),
            days: END_OF_TERM_WINDOW_DAYS,
          })}
        </p>
      ) : (
        // The choice has the most buttons: it gets the wider column.
        <div className="lease-steps">
          <div className="lease-steps__side">
            {eot.inspectionAvailable && <Inspection account={account} onChange={setUpdated} />}
            {/* The next car, one tap away: not a step to tick off. */}
            <Button
              onClick={() => push({ name: 'testDrives' })}
              data-testid="lease-end-book-test-drive"
            >
              {t('end.testDrive')}
            </Button>
          </div>
          <Choice account={account} onChange={setUpdated} />
        </div>
      )}
    </div>
  );
}
