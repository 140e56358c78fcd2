import { useTranslation } from 'react-i18next';
import type { LocalOrder } from '../../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../../safety/LimitedText.tsx';
import { useAppStore } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { useClock } from '../../../ui/useClock.ts';
import { OrderProgress } from '../OrderProgress.tsx';
import { orderForHome } from '../orderView.ts';

function ActiveOrder({ order }: { order: LocalOrder }) {
  const { t } = useTranslation('services');
  const push = useAppStore((s) => s.push);
  return (
    <section
      className="card home-order"
      data-testid="home-order"
      aria-label={t('home.activeOrder')}
    >
      <Button
        className="row-button"
        onClick={() => push({ name: 'order', clientOrderId: order.clientOrderId })}
        data-testid="home-order-open"
      >
        <span className="row-button__title">
          <LimitedText
            text={order.summary.merchantName ?? order.order?.merchantName ?? t('home.activeOrder')}
          />
        </span>
      </Button>
      <OrderProgress order={order} compact />
    </section>
  );
}

/** The order in progress, first on the home screen; usable while driving. */
export function HomeOrder() {
  const orders = useAppStore((s) => s.orders);
  const now = useClock();
  const order = orderForHome(orders, now.getTime());
  return order ? <ActiveOrder order={order} /> : null;
}
