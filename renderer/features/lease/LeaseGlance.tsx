import { useTranslation } from 'react-i18next';
import type { Account } from '../../../common/cloudApi/finance.schema.ts';
import type { MileageProjection } from '../../../common/lease/projection.ts';
import { useAllowed } from '../../safety/useAllowed.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { LeaseGauge } from './LeaseGauge.tsx';
import { useLeaseProjection } from './useLeaseProjection.ts';
import { nextPaymentText, usePaceText } from './leaseText.ts';

/** Over or under pace, and the days left: the lease in one line a driver can glance at. */
function PaceLine({ p }: { p: MileageProjection }) {
  const { t } = useTranslation('lease');
  const pace = usePaceText(p);
  return (
    <p className="home-lease__line" data-testid="home-lease-line" data-status={p.status}>
      <span>{pace}</span>
      {p.status !== 'ended' && (
        <span className="label" data-testid="home-lease-days">
          {t('glance.daysLeft', { count: p.daysLeft })}
        </span>
      )}
    </p>
  );
}

/** For a contract without a mileage allowance (a loan), the next payment: parked only, like its details. */
function PaymentLine({ account }: { account: Account }) {
  const { t, i18n } = useTranslation('lease');
  const parked = useAllowed('parked-or-passenger');
  if (!parked) return null;
  const payment = nextPaymentText(account, t, i18n.language);
  return (
    <p className="home-lease__line" data-testid="home-lease-payment">
      <span className="label">{t('nextPayment')}</span>
      <span>{payment}</span>
    </p>
  );
}

/**
 * The contract on the home screen, one tap from the lease screen: the mileage gauge and one line
 * (pace and days left), or for a loan its next payment. Nothing while it loads: the card is not
 * the place for errors the lease screen explains.
 */
export function LeaseGlance() {
  const { t } = useTranslation('lease');
  const push = useAppStore((s) => s.push);
  const { account, hasMileage, projection } = useLeaseProjection();
  if (!account || (hasMileage && !projection)) return null;
  return (
    <section className="card home-lease" data-testid="home-lease" aria-labelledby="home-lease-open">
      <Button
        className="row-button"
        id="home-lease-open"
        onClick={() => push({ name: 'lease' })}
        data-testid="home-lease-open"
      >
        <span className="row-button__title">{t(`kind.${account.kind}`)}</span>
      </Button>
      {projection ? (
        <>
          <LeaseGauge projection={projection} />
          <PaceLine p={projection} />
        </>
      ) : (
        <PaymentLine account={account} />
      )}
    </section>
  );
}
