import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Favourite } from '../../../common/cloudApi/favourites.schema.ts';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatClock, formatMoney } from '../../ui/format.ts';
import { Sheet } from '../../ui/Sheet.tsx';
import { orderFromFavourite } from './favourites.ts';
import { PaymentLabel } from './PaymentLabel.tsx';
import { useHostQuery } from '../../data/useHostQuery.ts';

/** Lines shown in the confirmation; the rest are counted (G3: a short summary). */
const LINES_SHOWN = 3;

/**
 * The one confirmation between a favourite and an order: the second and last tap, and the one
 * ordering action a driver may take while moving. Short enough to take in at a glance.
 */
export function ReorderSheet({
  favourite,
  pickup,
  onClose,
  onPlaced,
}: {
  favourite: Favourite;
  /** A combined stop: collected at the counter beside this station, at this time. */
  pickup?: { at: Date; station: string };
  onClose: () => void;
  onPlaced?: (order: LocalOrder) => void;
}) {
  const { t, i18n } = useTranslation('services');
  const payments = useAppStore((s) => s.paymentMethods);
  const refreshPayments = useAppStore((s) => s.refreshPaymentMethods);
  const placeOrder = useAppStore((s) => s.placeOrder);
  const [placing, setPlacing] = useState(false);
  const [failed, setFailed] = useState(false);
  const payment = payments.value?.paymentMethods[0];

  const needPayments = !payments.value && !payments.loading && !payments.error;
  useEffect(() => {
    if (needPayments) void refreshPayments();
  }, [needPayments, refreshPayments]);
  // Whether the merchant is open now; asking also puts its menu in the host's cache, which names
  // the order's lines should it have to wait for the cloud. Unknown (offline): it may be ordered.
  const [merchant] = useHostQuery('catalog.merchant', { merchantId: favourite.merchantId });
  const closed = merchant.status === 'ok' && !merchant.value.merchant.openNow;
  const opensAt = merchant.status === 'ok' ? merchant.value.merchant.nextChange?.time : undefined;

  const total =
    favourite.totalMinor === null
      ? null
      : formatMoney(favourite.totalMinor, favourite.currency, i18n.language);

  const confirm = async () => {
    if (!payment) return;
    setPlacing(true);
    setFailed(false);
    try {
      const order = await placeOrder(orderFromFavourite(favourite, payment.id, pickup?.at));
      onClose();
      onPlaced?.(order);
    } catch {
      setFailed(true);
      setPlacing(false);
    }
  };

  const hidden = favourite.lines.length - LINES_SHOWN;
  return (
    <Sheet labelledBy="reorder-title" onCancel={onClose} testId="reorder-sheet">
      <h2 className="section-title" id="reorder-title">
        {t('reorder.title')}
      </h2>
      <p className="reorder__merchant">
        <LimitedText text={favourite.merchantName} />
      </p>
      {pickup && (
        <p data-testid="reorder-pickup">
          <LimitedText
            text={t('reorder.pickupAt', {
              time: formatClock(pickup.at, i18n.language),
              station: pickup.station,
            })}
          />
        </p>
      )}
      <ul className="plain-list">
        {favourite.lines.slice(0, LINES_SHOWN).map((line, i) => (
          <li key={`${line.itemId}-${i}`}>
            <LimitedText text={t('line', { quantity: line.quantity, name: line.name })} />
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="label">{t('order.more', { count: hidden })}</p>}
      <p className="label" data-testid="reorder-payment">
        {payment ? <PaymentLabel method={payment} /> : payments.value ? t('reorder.noPayment') : ''}
      </p>
      {payments.value?.stale && <p className="label">{t('stale')}</p>}
      {!favourite.orderable && <p className="error-line">{t('reorder.unavailable')}</p>}
      {closed && (
        <p className="error-line" data-testid="reorder-closed">
          {opensAt ? t('merchant.closedUntil', { time: opensAt }) : t('merchant.closedNow')}
        </p>
      )}
      {failed && (
        <p className="error-line" role="alert">
          {t('reorder.failed')}
        </p>
      )}
      <div className="sheet__actions">
        <Button onClick={onClose} data-testid="reorder-cancel">
          {t('reorder.cancel')}
        </Button>
        <Button
          variant="primary"
          disabled={!payment || placing || !favourite.orderable || closed}
          onClick={() => void confirm()}
          data-testid="reorder-confirm"
        >
          {total ? t('reorder.confirm', { total }) : t('reorder.confirmNoTotal')}
        </Button>
      </div>
    </Sheet>
  );
}
