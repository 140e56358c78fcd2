import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItem, MerchantDetail } from '../../../common/cloudApi/catalog.schema.ts';
import { takesOrdersNow } from '../../../common/orders/appointmentSlots.ts';
import type { MerchantView } from '../../../common/hostApi/commerce.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { useScreenParams } from '../../store/useScreen.ts';
import { Button } from '../../ui/Button.tsx';
import { formatMoney } from '../../ui/format.ts';
import { Sheet } from '../../ui/Sheet.tsx';
import { cartMerchantOf, cartPrice, itemCount, type NewLine } from '../../store/cart.ts';
import { MerchantImage } from './categories.tsx';
import { OpenState } from './MerchantsScreen.tsx';
import { ErrorNote, LoadingNote, StaleNote } from './Notes.tsx';
import { lineOf, OptionsSheet, initialChoice } from './OptionsSheet.tsx';
import { useHostQuery } from '../../data/useHostQuery.ts';

function ItemRow({
  item,
  merchant,
  orderable,
  onChoose,
  onAdd,
}: {
  item: MenuItem;
  merchant: MerchantDetail;
  orderable: boolean;
  onChoose: (item: MenuItem) => void;
  onAdd: (line: NewLine) => void;
}) {
  const { t, i18n } = useTranslation('services');
  const hasOptions = item.optionGroups.length > 0;
  return (
    <div className="item-row" data-testid={`item-${item.id}`}>
      <span className="item-row__text">
        <span className="row-button__title">
          <LimitedText text={item.name} />
        </span>
        <span className="row-button__detail">
          {formatMoney(item.priceMinor, merchant.currency, i18n.language)}
        </span>
      </span>
      {!item.available ? (
        <span className="label" data-testid={`sold-out-${item.id}`}>
          {t('merchant.soldOut')}
        </span>
      ) : (
        <Button
          disabled={!orderable}
          onClick={() =>
            hasOptions ? onChoose(item) : onAdd(lineOf(item, initialChoice(item), 1))
          }
          data-testid={`add-${item.id}`}
        >
          {hasOptions ? t('merchant.choose') : t('merchant.add')}
        </Button>
      )}
    </div>
  );
}

/** What is in the cart for this merchant, and the way on to checkout. */
function CartBar({ merchantId }: { merchantId: string }) {
  const { t, i18n } = useTranslation('services');
  const cart = useAppStore((s) => s.cart);
  const push = useAppStore((s) => s.push);
  if (!cart || cart.merchant.id !== merchantId) return null;
  const total = formatMoney(cartPrice(cart).totalMinor, cart.merchant.currency, i18n.language);
  return (
    <div className="cart-bar" data-testid="cart-bar">
      <span className="cart-bar__summary" data-testid="cart-summary">
        {t('merchant.cartSummary', { count: itemCount(cart), total })}
      </span>
      <Button
        variant="primary"
        onClick={() => push({ name: 'checkout' })}
        data-testid="to-checkout"
      >
        {t('merchant.checkout')}
      </Button>
    </div>
  );
}

function Menu({ view }: { view: MerchantView }) {
  const { t } = useTranslation('services');
  const merchant = view.merchant;
  const cart = useAppStore((s) => s.cart);
  const addToCart = useAppStore((s) => s.addToCart);
  const [sectionId, setSectionId] = useState(merchant.menu.sections[0]?.id);
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const [replacing, setReplacing] = useState<NewLine | null>(null);
  const [full, setFull] = useState(false);
  const section =
    merchant.menu.sections.find((s) => s.id === sectionId) ?? merchant.menu.sections[0];

  const add = (line: NewLine) => {
    setChoosing(null);
    if (cart && cart.merchant.id !== merchant.id) {
      setReplacing(line);
      return;
    }
    setFull(!addToCart(cartMerchantOf(merchant), line));
  };

  return (
    <div className="merchant">
      <aside className="merchant__side">
        <div className="merchant__head">
          <MerchantImage merchant={merchant} size="large" />
          <div>
            <h1 className="screen__title merchant__name">
              <LimitedText text={merchant.name} />
            </h1>
            <p className="label">
              <LimitedText text={merchant.address} />
            </p>
          </div>
        </div>
        <p className={merchant.openNow ? 'label' : 'error-line'} data-testid="merchant-open">
          {merchant.openNow ? (
            <OpenState merchant={merchant} />
          ) : merchant.nextChange ? (
            t('merchant.closedUntil', { time: merchant.nextChange.time })
          ) : (
            t('merchant.closedNow')
          )}
        </p>
        {merchant.deliversToCar && <p className="label">{t('merchant.deliversToCar')}</p>}
        <StaleNote stale={view.stale} />
        {full && <p className="error-line">{t('merchant.cartFull')}</p>}
        <CartBar merchantId={merchant.id} />
      </aside>
      <section className="merchant__menu" aria-label={t('merchant.menu')}>
        {merchant.menu.sections.length > 1 && (
          <div className="segmented" role="group" aria-label={t('merchant.menu')}>
            {merchant.menu.sections.map((s) => (
              <Button
                key={s.id}
                aria-pressed={s.id === section?.id}
                onClick={() => setSectionId(s.id)}
                data-testid={`section-${s.id}`}
              >
                {s.name}
              </Button>
            ))}
          </div>
        )}
        {section && (
          <RestrictedList
            items={section.items}
            keyOf={(i) => i.id}
            label={section.name}
            testId="menu"
            renderItem={(item) => (
              <ItemRow
                item={item}
                merchant={merchant}
                orderable={takesOrdersNow(merchant)}
                onChoose={setChoosing}
                onAdd={add}
              />
            )}
          />
        )}
      </section>
      {choosing && (
        <OptionsSheet
          item={choosing}
          currency={merchant.currency}
          onAdd={add}
          onCancel={() => setChoosing(null)}
        />
      )}
      {replacing && cart && (
        <Sheet
          labelledBy="replace-title"
          onCancel={() => setReplacing(null)}
          testId="replace-sheet"
        >
          <h2 className="section-title" id="replace-title">
            {t('merchant.replaceTitle')}
          </h2>
          <p>{t('merchant.replaceText', { merchant: cart.merchant.name })}</p>
          <div className="sheet__actions">
            <Button onClick={() => setReplacing(null)} data-testid="replace-keep">
              {t('merchant.keep')}
            </Button>
            <Button
              variant="primary"
              onClick={() => {
                addToCart(cartMerchantOf(merchant), replacing);
                setReplacing(null);
              }}
              data-testid="replace-confirm"
            >
              {t('merchant.replaceConfirm')}
            </Button>
          </div>
        </Sheet>
      )}
    </div>
  );
}

/**
 * A merchant and its menu: sections, then items (two levels, G2); options are chosen in a sheet
 * on this screen. The third screen of the purchase flow; checkout is the fourth.
 */
export function MerchantScreen() {
  const { t } = useTranslation('services');
  const { merchantId } = useScreenParams('merchant');
  const reset = useAppStore((s) => s.reset);
  const [view, retry] = useHostQuery('catalog.merchant', merchantId ? { merchantId } : null);
  if (!merchantId) {
    return (
      <div className="empty-state">
        <p>{t('merchant.noneChosen')}</p>
        <Button onClick={() => reset({ name: 'services' })} data-testid="to-services">
          {t('merchant.toServices')}
        </Button>
      </div>
    );
  }
  if (view.status === 'loading') {
    return (
      <div aria-busy="true">
        <LoadingNote slow={view.slow} />
      </div>
    );
  }
  if (view.status === 'error') return <ErrorNote code={view.code} onRetry={retry} />;
  return <Menu view={view.value} />;
}
