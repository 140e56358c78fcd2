import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAllowed } from '../../safety/useAllowed.ts';
import { useAppStore } from '../../store/context.tsx';
import { useScreenParams } from '../../store/useScreen.ts';
import { Button } from '../../ui/Button.tsx';
import { formatMoney } from '../../ui/format.ts';
import { favouriteFromOrder, matchingFavourite } from './favourites.ts';
import { OrderProgress } from './OrderProgress.tsx';
import { orderTotal } from './orderView.ts';

/** G3: an order summary shows at most 10 items. */
export const SUMMARY_LINES = 10;

function SaveFavourite({ order }: { order: LocalOrder }) {
  const { t } = useTranslation('services');
  const favourites = useAppStore((s) => s.favourites);
  const refresh = useAppStore((s) => s.refreshFavourites);
  const save = useAppStore((s) => s.saveFavourite);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const saved = matchingFavourite(order, favourites.value?.favourites ?? []) !== undefined;
  const onSave = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await save(favouriteFromOrder(order, t('unnamedItem')));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        disabled={saved || busy || !favourites.value}
        onClick={() => void onSave()}
        data-testid="save-favourite"
        data-saved={saved}
      >
        {saved ? t('order.savedFavourite') : t('order.saveFavourite')}
      </Button>
      {failed && (
        <p className="error-line" role="alert">
          {t('order.saveFailed')}
        </p>
      )}
    </>
  );
}

function OrderDetail({ order }: { order: LocalOrder }) {
  const { t, i18n } = useTranslation('services');
  const reset = useAppStore((s) => s.reset);
  // Saving a favourite is setting something up: not while driving (NO_SETUP).
  const noSetup = !useAllowed('setup');
  const total = orderTotal(order);
  const lines = order.order
    ? order.order.lines.map((l) => ({
        key: l.itemId,
        name: l.name,
        quantity: l.quantity,
        options: l.options.map((o) => o.name),
      }))
    : order.summary.lines.map((l) => ({
        key: l.itemId,
        name: l.name ?? t('unnamedItem'),
        quantity: l.quantity,
        options: l.options.map((o) => o.name ?? '').filter(Boolean),
      }));
  const shown = lines.slice(0, SUMMARY_LINES);
  const money = (minor: number) => formatMoney(minor, order.summary.currency, i18n.language);
  return (
    <div className="order-screen" data-testid="order-screen" data-order={order.clientOrderId}>
      <section className="order-screen__status">
        <h1 className="screen__title">
          <LimitedText
            text={order.summary.merchantName ?? order.order?.merchantName ?? t('unnamedMerchant')}
          />
        </h1>
        <OrderProgress order={order} />
      </section>
      <section className="order-screen__summary" aria-label={t('order.title')}>
        <RestrictedList
          items={shown.map((l, i) => ({ ...l, key: `${l.key}-${i}` }))}
          keyOf={(l) => l.key}
          label={t('order.title')}
          renderItem={(l) => (
            <span>
              <LimitedText text={t('line', { quantity: l.quantity, name: l.name })} />
              {l.options.length > 0 && (
                <span className="label">
                  {' · '}
                  <LimitedText text={l.options.join(', ')} />
                </span>
              )}
            </span>
          )}
        />
        {lines.length > shown.length && (
          <p className="label">{t('order.more', { count: lines.length - shown.length })}</p>
        )}
        {total && (
          <p className="order-total" data-testid="order-total">
            {total.estimated
              ? t('order.estimatedTotal', { total: money(total.minor) })
              : t('order.total', { total: money(total.minor) })}
          </p>
        )}
        <div className="button-row">
          {!noSetup && order.delivery !== 'failed' && <SaveFavourite order={order} />}
          <Button variant="primary" onClick={() => reset()} data-testid="order-done">
            {t('order.done')}
          </Button>
        </div>
      </section>
    </div>
  );
}

/**
 * One order's live progress, from "will send when connected" to ready, with its summary (G3: at
 * most 10 items, at most 3 actions). Usable while driving: it is information, not a task.
 */
export function OrderScreen() {
  const { t } = useTranslation('services');
  const { clientOrderId } = useScreenParams('order');
  const order = useAppStore((s) =>
    clientOrderId ? s.orders.find((o) => o.clientOrderId === clientOrderId) : s.orders[0],
  );
  if (!order) {
    return (
      <div className="empty-state">
        <h1 className="screen__title">{t('order.title')}</h1>
        <p>{t('order.none')}</p>
      </div>
    );
  }
  return <OrderDetail order={order} />;
}
