import { useTranslation } from 'react-i18next';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { orderTotal, stateKey } from './orderView.ts';

function OrderRow({ order }: { order: LocalOrder }) {
  const { t, i18n } = useTranslation('services');
  const push = useAppStore((s) => s.push);
  const total = orderTotal(order);
  return (
    <Button
      className="row-button"
      onClick={() => push({ name: 'order', clientOrderId: order.clientOrderId })}
      data-testid={`order-row-${order.clientOrderId}`}
      data-delivery={order.delivery}
    >
      <span className="row-button__text">
        <span className="row-button__title">
          <LimitedText
            text={order.summary.merchantName ?? order.order?.merchantName ?? t('unnamedMerchant')}
          />
        </span>
        <span className="row-button__detail">
          {formatDateTime(order.queuedAt, i18n.language)}
          {' · '}
          {order.delivery === 'sent' ? t(stateKey(order)) : t(`order.delivery.${order.delivery}`)}
        </span>
      </span>
      {total && (
        <span className="row-button__end">
          {formatMoney(total.minor, order.summary.currency, i18n.language)}
        </span>
      )}
    </Button>
  );
}

/** Every order the car placed, newest first, each opening its progress. */
export function OrdersScreen() {
  const { t } = useTranslation('services');
  const orders = useAppStore((s) => s.orders);
  return (
    <div className="orders">
      <h1 className="screen__title">{t('orders.title')}</h1>
      {orders.length === 0 ? (
        <p className="label" data-testid="orders-none">
          {t('orders.none')}
        </p>
      ) : (
        <RestrictedList
          items={orders}
          keyOf={(o) => o.clientOrderId}
          label={t('orders.title')}
          renderItem={(o) => <OrderRow order={o} />}
        />
      )}
    </div>
  );
}
