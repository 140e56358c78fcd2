import { useEffect, useMemo, useState } from 'react';
import { appointmentSlots, bookedForDropOff } from '../../../common/orders/appointmentSlots.ts';
import { useTranslation } from 'react-i18next';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatMoney, formatSlot } from '../../ui/format.ts';
import { cartPrice, orderRequestOf, type CartLine } from '../../store/cart.ts';
import { StaleNote } from './Notes.tsx';
import { PaymentLabel } from './PaymentLabel.tsx';
import { ChoiceRow } from '../../ui/ChoiceRow.tsx';

function LineRow({ line, currency }: { line: CartLine; currency: string }) {
  const { t, i18n } = useTranslation('services');
  const setQuantity = useAppStore((s) => s.setCartQuantity);
  const total = formatMoney(
    (line.baseMinor + line.optionDeltasMinor.reduce((a, b) => a + b, 0)) * line.quantity,
    currency,
    i18n.language,
  );
  return (
    <div className="item-row" data-testid={`line-${line.itemId}`}>
      <span className="item-row__text">
        <span className="row-button__title">
          <LimitedText text={t('line', { quantity: line.quantity, name: line.name })} />
        </span>
        {line.optionNames.length > 0 && (
          <span className="row-button__detail">
            <LimitedText text={line.optionNames.join(', ')} />
          </span>
        )}
      </span>
      <span className="item-row__price">{total}</span>
      <div className="stepper">
        <Button
          aria-label={t('checkout.less', { name: line.name })}
          onClick={() => setQuantity(line.key, line.quantity - 1)}
          data-testid={`less-${line.itemId}`}
        >
          −
        </Button>
        <Button
          aria-label={t('checkout.more', { name: line.name })}
          disabled={line.quantity >= line.maxQuantity}
          onClick={() => setQuantity(line.key, line.quantity + 1)}
          data-testid={`more-${line.itemId}`}
        >
          +
        </Button>
      </div>
    </div>
  );
}

/**
 * The order as it will be sent: lines, collection, the saved payment method and the total, and
 * one button that stores it in the car. The fourth and last screen of the purchase flow; the
 * order's progress replaces it.
 */
export function CheckoutScreen() {
  const { t, i18n } = useTranslation('services');
  const cart = useAppStore((s) => s.cart);
  const payments = useAppStore((s) => s.paymentMethods);
  const refreshPayments = useAppStore((s) => s.refreshPaymentMethods);
  const setFulfilment = useAppStore((s) => s.setFulfilment);
  const placeOrder = useAppStore((s) => s.placeOrder);
  const clearCart = useAppStore((s) => s.clearCart);
  const replaceTop = useAppStore((s) => s.replaceTop);
  const reset = useAppStore((s) => s.reset);
  const [chosenPayment, setChosenPayment] = useState<string | null>(null);
  const [chosenSlot, setChosenSlot] = useState<number | null>(null);
  // A vehicle service is a booking: three drop-off times, the earliest each open day.
  const merchant = cart?.merchant;
  const slots = useMemo(
    () =>
      merchant && bookedForDropOff(merchant.category)
        ? appointmentSlots(merchant.openingHours, new Date())
        : null,
    [merchant],
  );
  const [placing, setPlacing] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void refreshPayments();
  }, [refreshPayments]);

  if (!cart) {
    return (
      <div className="empty-state">
        <h1 className="screen__title">{t('checkout.title')}</h1>
        <p>{t('checkout.empty')}</p>
        <Button onClick={() => reset({ name: 'services' })} data-testid="to-services">
          {t('merchant.toServices')}
        </Button>
      </div>
    );
  }

  const methods = payments.value?.paymentMethods ?? [];
  const payment = methods.find((m) => m.id === chosenPayment) ?? methods[0];
  const price = cartPrice(cart);
  const money = (minor: number) => formatMoney(minor, cart.merchant.currency, i18n.language);

  const slot = slots ? (slots.find((d) => d.getTime() === chosenSlot) ?? slots[0]) : undefined;
  const place = async () => {
    if (!payment || (slots && !slot)) return;
    setPlacing(true);
    setFailed(false);
    try {
      const order = await placeOrder(orderRequestOf(cart, payment.id, slot));
      clearCart();
      replaceTop({ name: 'order', clientOrderId: order.clientOrderId });
    } catch {
      setFailed(true);
      setPlacing(false);
    }
  };

  return (
    <div className="checkout" aria-busy={payments.loading && !payments.value}>
      <section className="checkout__lines">
        <h1 className="screen__title">
          <LimitedText text={cart.merchant.name} />
        </h1>
        <ul className="list" aria-label={t('checkout.title')}>
          {cart.lines.map((line) => (
            <li key={line.key} className="list__row">
              <LineRow line={line} currency={cart.merchant.currency} />
            </li>
          ))}
        </ul>
        {cart.merchant.deliversToCar && (
          <div className="checkout__row">
            <span className="label">{t('checkout.fulfilment')}</span>
            <ChoiceRow
              label={t('checkout.fulfilment')}
              choices={(['pickup', 'to_car'] as const).map((f) => ({
                key: f,
                label: t(`checkout.fulfilmentName.${f}`),
                testId: `fulfilment-${f}`,
              }))}
              value={cart.fulfilment}
              onChoose={setFulfilment}
            />
          </div>
        )}
        {slots && (
          <div className="checkout__row">
            <span className="label">{t('checkout.dropOff')}</span>
            {slots.length > 0 ? (
              <ChoiceRow
                label={t('checkout.dropOff')}
                choices={slots.map((d) => ({
                  key: d.getTime(),
                  label: formatSlot(d, i18n.language, cart.merchant.openingHours.timeZone),
                  testId: `slot-${d.toISOString()}`,
                }))}
                value={slot?.getTime()}
                onChoose={setChosenSlot}
              />
            ) : (
              <span className="error-line" data-testid="no-slots">
                {t('checkout.noSlots')}
              </span>
            )}
          </div>
        )}
      </section>
      <section className="checkout__pay" aria-label={t('checkout.title')}>
        <div className="checkout__row">
          <span className="label">{t('checkout.payment')}</span>
          {methods.length > 1 ? (
            <ChoiceRow
              label={t('checkout.payment')}
              choices={methods.map((m) => ({
                key: m.id,
                label: <PaymentLabel method={m} />,
                testId: `payment-${m.id}`,
              }))}
              value={payment?.id}
              onChoose={setChosenPayment}
            />
          ) : payment ? (
            <span data-testid="payment-method">
              <PaymentLabel method={payment} />
            </span>
          ) : payments.value || payments.error ? (
            <span className="error-line">{t('checkout.noPayment')}</span>
          ) : null}
        </div>
        {payments.value && <StaleNote stale={payments.value.stale} />}
        <dl className="totals">
          <dt>{t('checkout.subtotal')}</dt>
          <dd>{money(price.subtotalMinor)}</dd>
          {price.taxMinor > 0 && (
            <>
              <dt>
                {cart.merchant.tax.included ? t('checkout.taxIncluded') : t('checkout.taxAdded')}
              </dt>
              <dd>{money(price.taxMinor)}</dd>
            </>
          )}
          <dt className="totals__total">{t('checkout.total')}</dt>
          <dd className="totals__total" data-testid="checkout-total">
            {money(price.totalMinor)}
          </dd>
        </dl>
        {failed && (
          <p className="error-line" role="alert">
            {t('checkout.failed')}
          </p>
        )}
        <Button
          variant="primary"
          disabled={!payment || placing || (slots !== null && !slot)}
          onClick={() => void place()}
          data-testid="place-order"
        >
          {placing
            ? t('checkout.placing')
            : t('checkout.place', { total: money(price.totalMinor) })}
        </Button>
      </section>
    </div>
  );
}
