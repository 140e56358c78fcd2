import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findArea } from '../../../common/areas.ts';
import { locationGranted } from '../../store/consentSlice.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { CATEGORIES, CategoryIcon } from './categories.tsx';
import { LocationChoice } from './LocationChoice.tsx';

/** Where merchants will be searched, in a few words. */
function SourceLabel() {
  const { t } = useTranslation('services');
  const choice = useAppStore((s) => s.locationChoice);
  const granted = useAppStore((s) => locationGranted(s.consent));
  if (choice?.kind === 'area') {
    return <>{t('source.area', { area: t(findArea(choice.area)?.nameKey ?? choice.area) })}</>;
  }
  if (choice?.kind === 'car' && granted) return <>{t('source.car')}</>;
  return <>{t('source.none')}</>;
}

/**
 * The services launcher: one tile per category (7, within the 8 of G4), where the search looks,
 * and the way to orders and favourites. The first screen of the purchase flow (G1: services →
 * merchants → menu → checkout).
 */
export function ServicesScreen() {
  const { t } = useTranslation('services');
  const push = useAppStore((s) => s.push);
  const choice = useAppStore((s) => s.locationChoice);
  const granted = useAppStore((s) => locationGranted(s.consent));
  const chosen = choice?.kind === 'area' || (choice?.kind === 'car' && granted);
  const [changing, setChanging] = useState(false);
  const asking = !chosen || changing;

  return (
    <div className="services">
      <div className="screen-header">
        <h1 className="screen__title">{t('title')}</h1>
        <span className="label screen-header__info" data-testid="search-source">
          <SourceLabel />
        </span>
        {chosen && (
          <Button
            aria-expanded={changing}
            onClick={() => setChanging((c) => !c)}
            data-testid="source-change"
          >
            {changing ? t('location.done') : t('source.change')}
          </Button>
        )}
        <Button onClick={() => push({ name: 'orders' })} data-testid="open-orders">
          {t('myOrders')}
        </Button>
        <Button onClick={() => push({ name: 'favourites' })} data-testid="open-favourites">
          {t('favourites')}
        </Button>
      </div>
      {/* Until it is known where to look, the question replaces the tiles: nothing to find yet. */}
      {asking ? (
        <LocationChoice onChosen={() => setChanging(false)} />
      ) : (
        <ul className="tiles" aria-label={t('categories')}>
          {CATEGORIES.map((category) => (
            <li key={category}>
              <Button
                className="tile"
                onClick={() => push({ name: 'merchants', category })}
                data-testid={`category-${category}`}
              >
                <CategoryIcon category={category} />
                <span className="tile__label">{t(`category.${category}`)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
