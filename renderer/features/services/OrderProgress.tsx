import { useTranslation } from 'react-i18next';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { PROGRESS_STEPS, pickupCode, stateKey, stepsDone } from './orderView.ts';

/**
 * Where an order is, for a glance: whether it has left the car ("will send when connected" /
 * "sent"), what the merchant is doing, a bar of the steps, and the pickup code when it matters.
 * Static: the bar fills in steps, it never animates.
 */
export function OrderProgress({
  order,
  compact = false,
}: {
  order: LocalOrder;
  compact?: boolean;
}) {
  const { t } = useTranslation('services');
  const done = stepsDone(order);
  const code = pickupCode(order);
  const failed = order.delivery === 'failed' || order.order?.state === 'rejected';
  const delivery = (
    <span className="order-progress__delivery" data-testid="order-delivery">
      <span className="delivery-dot" data-delivery={order.delivery} aria-hidden="true" />
      {t(`order.delivery.${order.delivery}`)}
    </span>
  );
  const state = (
    <span
      className={failed ? 'order-progress__state error-line' : 'order-progress__state'}
      data-testid="order-state"
    >
      <LimitedText text={t(stateKey(order))} />
      {order.order?.rejectReason === 'item_sold_out' && ` ${t('order.soldOut')}`}
    </span>
  );
  const pickup = code && (
    <p className="pickup-code" data-testid="pickup-code">
      {t('order.pickupCode')} <span className="pickup-code__code">{code}</span>
    </p>
  );
  const steps = (
    <ol className="steps" aria-label={t('order.progress')} data-compact={compact}>
      {PROGRESS_STEPS.map((step, i) => (
        <li key={step} className="steps__step" data-done={i < done} data-failed={failed}>
          {!compact && <span className="steps__label">{t(`order.step.${step}`)}</span>}
        </li>
      ))}
    </ol>
  );
  return (
    <div
      className="order-progress"
      data-testid="order-progress"
      data-delivery={order.delivery}
      data-state={order.order?.state ?? 'none'}
      data-compact={compact}
    >
      {compact ? (
        // One line and the bar (or, once it matters, the pickup code): the home screen is glanced at.
        <>
          <p className="order-progress__line">
            {delivery}
            {' · '}
            {state}
          </p>
          {order.order?.state === 'ready' && pickup ? pickup : steps}
        </>
      ) : (
        <>
          <p>{delivery}</p>
          <p>{state}</p>
          {steps}
          {pickup}
        </>
      )}
    </div>
  );
}
