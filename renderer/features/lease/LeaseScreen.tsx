import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../common/cloudApi/finance.schema.ts';
import type { MileageProjection } from '../../../common/lease/projection.ts';
import { useAllowed } from '../../safety/useAllowed.ts';
import { ReadingContent } from '../../safety/ReadingContent.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { LeaseGauge } from './LeaseGauge.tsx';
import { MileagePacks } from './MileagePacks.tsx';
import { formatDay, formatUnits } from './leaseModel.ts';
import { useLeaseProjection } from './useLeaseProjection.ts';
import { nextPaymentText, usePaceText } from './leaseText.ts';

/** The one line a driver may glance at: today's drive, and the pace with its projected cost. */
function GlanceLine({ p }: { p: MileageProjection }) {
  const { t, i18n } = useTranslation('lease');
  const units = (n: number) => formatUnits(n, p.unit, i18n.language);
  const today = t('glance.today', { distance: units(p.todayUnits) });
  const pace = usePaceText(p);
  return (
    <p className="lease-line" data-testid="lease-line" data-status={p.status}>
      <span data-testid="lease-today" data-units={p.todayUnits}>
        {today}
      </span>
      {' · '}
      <span data-testid="lease-pace">{pace}</span>
    </p>
  );
}

/** The way to the end-of-term checklist, once its window is open. */
function EndOfTermButton({ account }: { account: Account }) {
  const { t } = useTranslation('lease');
  const push = useAppStore((s) => s.push);
  if (!account.endOfTerm.windowOpen) return null;
  return (
    <div className="button-row">
      <Button
        variant="primary"
        onClick={() => push({ name: 'leaseEnd' })}
        data-testid="lease-open-end"
      >
        {t('end.open', { days: account.endOfTerm.daysLeft })}
      </Button>
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="fact">
      <span className="label">{label}</span>
      <span className="fact__value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function PayButton({ account, onPaid }: { account: Account; onPaid: () => void }) {
  const { t } = useTranslation('lease');
  const [payInstalment] = useHostMutation('account.payInstalment', {
    invalidates: ['account.get'],
  });
  // One id per attempt to pay this instalment: a retry after a lost answer pays once.
  const [clientPaymentId] = useState(() => `pay-${crypto.randomUUID()}`);
  const [state, setState] = useState<'idle' | 'paying' | 'failed'>('idle');
  const next = account.nextPayment;
  const method = account.paymentMethod;
  if (!next || !method) return null;
  const pay = async () => {
    setState('paying');
    try {
      await payInstalment({
        clientPaymentId,
        paymentMethodId: method.id,
        instalmentNumber: next.instalmentNumber,
        amountMinor: next.amountMinor,
      });
      setState('idle');
      onPaid();
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <div className="button-row">
        <Button
          variant="primary"
          disabled={state === 'paying'}
          onClick={() => void pay()}
          data-testid="lease-pay"
        >
          {t('pay', { last4: method.last4 })}
        </Button>
      </div>
      {state === 'failed' && (
        <p className="error-line" role="alert">
          {t('payFailed')}
        </p>
      )}
    </>
  );
}

type DetailsPart = 'payments' | 'mileage' | 'contract';

/** Payments, the full projection and the contract, one part at a time: parked or with a passenger only. */
function Details({
  account,
  p,
  reload,
  part,
}: {
  account: Account;
  p: MileageProjection | null;
  reload: () => void;
  part: DetailsPart;
}) {
  const { t, i18n } = useTranslation('lease');
  const lng = i18n.language;
  const c = account.contract;
  const money = (minor: number) => formatMoney(minor, c.currency, lng);
  return (
    <div className="lease-details" data-testid={`lease-details-${part}`}>
      {part === 'payments' && (
        <section className="card facts" data-testid="lease-details">
          <Fact
            label={t('nextPayment')}
            testId="lease-next-payment"
            value={nextPaymentText(account, t, lng)}
          />
          <Fact
            label={t('remainingPayments')}
            testId="lease-remaining"
            value={String(c.paymentsRemaining)}
          />
          <Fact
            label={t('termProgress')}
            testId="lease-term-progress"
            value={t('termProgressValue', {
              percent: Math.round((p?.termProgress ?? 0) * 100),
              days: account.endOfTerm.daysLeft,
            })}
          />
          <PayButton account={account} onPaid={reload} />
        </section>
      )}
      {part === 'mileage' && p && (
        <section className="card facts">
          <Fact
            label={t('projectedAtEnd')}
            testId="lease-projected"
            value={formatUnits(p.projectedAtEndUnits, p.unit, lng)}
          />
          <Fact
            label={t('termAllowance')}
            testId="lease-term-allowance"
            value={formatUnits(p.termAllowanceUnits, p.unit, lng)}
          />
          <Fact
            label={t('projectedCost')}
            testId="lease-overage-cost"
            value={money(p.projectedOverageCostMinor)}
          />
          <Fact label={t('todayCost')} testId="lease-today-cost" value={money(p.todayCostMinor)} />
        </section>
      )}

      {part === 'mileage' && <MileagePacks account={account} onBought={reload} />}
      {part === 'contract' && (
        <ReadingContent>
          <section className="card" data-testid="lease-contract">
            <h2 className="setting__label">{t('contract.title')}</h2>
            <p>
              {t('contract.text', {
                number: c.number,
                provider: c.provider,
                vehicle: c.vehicleDescription,
                start: formatDay(c.start, lng),
                maturity: formatDay(c.maturity, lng),
                months: c.termMonths,
                monthly: money(c.monthlyAmountMinor),
              })}
            </p>
            {account.mileage && (
              <p>
                {t('contract.mileage', {
                  distance: formatUnits(account.mileage.distance, account.mileage.unit, lng),
                  per: t(`per.${account.mileage.per}`),
                  fee: money(account.mileage.excessFeeMinorPerUnit),
                  unit: account.mileage.unit,
                })}
              </p>
            )}
          </section>
        </ReadingContent>
      )}
    </div>
  );
}

/**
 * The lease, subscription or loan. While driving: a gauge of the live odometer against the
 * allowance to date and one line (today's drive, the pace and its projected cost). Parked or with
 * a passenger: payments, the projection in full and the contract. The projection is computed here
 * from the contract and the odometer; nothing about the mileage leaves the car for it.
 */
export function LeaseScreen() {
  const { t, i18n } = useTranslation('lease');
  const detailsAllowed = useAllowed('parked-or-passenger');
  const { load, retry, account, hasMileage, projection } = useLeaseProjection();

  if (load.status === 'loading') {
    return (
      <div className="lease">
        <h1 className="screen__title">{t('title')}</h1>
        {load.slow && <p className="label">{t('loading')}</p>}
      </div>
    );
  }
  if (load.status === 'error' || !account) {
    return (
      <div className="lease">
        <h1 className="screen__title">{t('title')}</h1>
        <p className="error-line" role="alert" data-testid="lease-error">
          {t('loadFailed')}
        </p>
        <div className="button-row">
          <Button onClick={retry}>{t('retry')}</Button>
        </div>
      </div>
    );
  }
  const title = <h1 className="screen__title">{t(`kind.${account.kind}`)}</h1>;
  const glance =
    hasMileage &&
    (projection ? (
      <>
        <LeaseGauge projection={projection} />
        <GlanceLine p={projection} />
      </>
    ) : (
      <p className="label" data-testid="lease-no-odometer">
        {t('noOdometer')}
      </p>
    ));
  if (!detailsAllowed) {
    return (
      <div className="lease" data-testid="lease">
        {title}
        {glance}
      </div>
    );
  }
  const details = (part: DetailsPart) => (
    <Details account={account} p={projection} reload={retry} part={part} />
  );
  // The details do not fit the panel together: the overview, the mileage and the contract are
  // tabs beside the title.
  return (
    <div className="lease" data-testid="lease">
      <Tabs
        title={title}
        testId="lease-tab"
        tabs={[
          {
            id: 'overview',
            label: t('tab.overview'),
            content: (
              <div className="lease__tab">
                <div className="lease__glance">
                  {glance}
                  <EndOfTermButton account={account} />
                  {load.value.stale && (
                    <p className="label" data-testid="lease-stale">
                      {t('stale', { at: formatDateTime(load.value.fetchedAt, i18n.language) })}
                    </p>
                  )}
                </div>
                {details('payments')}
              </div>
            ),
          },
          ...(hasMileage
            ? [{ id: 'mileage', label: t('tab.mileage'), content: details('mileage') }]
            : []),
          { id: 'contract', label: t('tab.contract'), content: details('contract') },
        ]}
      />
    </div>
  );
}
