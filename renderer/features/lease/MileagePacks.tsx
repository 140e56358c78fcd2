import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, MileagePackList } from '../../../common/cloudApi/finance.schema.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { useAllowed } from '../../safety/useAllowed.ts';
import { Button } from '../../ui/Button.tsx';
import { formatMoney } from '../../ui/format.ts';
import { formatUnits } from './leaseModel.ts';

type Pack = MileagePackList['packs'][number];

/**
 * Extra mileage, bought in Park only: the packs the contract offers at its prices, one tap to
 * choose, a second to confirm with the card on file. The price shown is sent along, so a price
 * changed meanwhile is refused rather than charged.
 */
export function MileagePacks({ account, onBought }: { account: Account; onBought: () => void }) {
  const { t, i18n } = useTranslation('lease');
  const parked = useAllowed('parked');
  const method = account.paymentMethod;
  const [load] = useHostQuery('account.mileagePacks', parked && method ? undefined : null);
  const [buy] = useHostMutation('account.buyMileagePack', {
    invalidates: ['account.get', 'account.mileagePacks'],
  });
  const [chosen, setChosen] = useState<Pack | null>(null);
  // One id per confirmed choice: a retry after a lost answer buys once.
  const [clientPurchaseId, setClientPurchaseId] = useState(() => crypto.randomUUID());
  const [state, setState] = useState<'idle' | 'buying' | 'failed' | 'bought'>('idle');
  if (!parked || !method || load.status !== 'ok' || load.value.packs.length === 0) return null;
  const lng = i18n.language;
  const label = (p: Pack) =>
    t('packs.pack', {
      distance: formatUnits(p.distance, p.unit, lng),
      price: formatMoney(p.priceMinor, p.currency, lng),
    });
  const confirm = async (pack: Pack) => {
    setState('buying');
    try {
      await buy({
        clientPurchaseId,
        packId: pack.id,
        paymentMethodId: method.id,
        expectedPriceMinor: pack.priceMinor,
      });
      setState('bought');
      setChosen(null);
      setClientPurchaseId(crypto.randomUUID());
      onBought();
    } catch {
      setState('failed');
    }
  };
  return (
    <section className="card" data-testid="lease-packs">
      <h2 className="setting__label">{t('packs.title')}</h2>
      {chosen === null ? (
        <div className="button-row">
          {load.value.packs.slice(0, 3).map((p) => (
            <Button
              key={p.id}
              onClick={() => {
                setChosen(p);
                setState('idle');
              }}
              data-testid={`lease-pack-${p.id}`}
            >
              {label(p)}
            </Button>
          ))}
        </div>
      ) : (
        <>
          <p data-testid="lease-pack-confirm-text">
            {t('packs.confirm', { pack: label(chosen), last4: method.last4 })}
          </p>
          <div className="button-row">
            <Button
              variant="primary"
              disabled={state === 'buying'}
              onClick={() => void confirm(chosen)}
              data-testid="lease-pack-confirm"
            >
              {t('packs.buy', { price: formatMoney(chosen.priceMinor, chosen.currency, lng) })}
            </Button>
            <Button onClick={() => setChosen(null)} data-testid="lease-pack-cancel">
              {t('packs.cancel')}
            </Button>
          </div>
        </>
      )}
      {state === 'bought' && (
        <p className="label" role="status" data-testid="lease-pack-bought">
          {t('packs.bought')}
        </p>
      )}
      {state === 'failed' && (
        <p className="error-line" role="alert">
          {t('packs.failed')}
        </p>
      )}
    </section>
  );
}
