import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItem } from '../../../common/cloudApi/catalog.schema.ts';
import { unitPriceMinor } from '../../../common/money.ts';
import { Button } from '../../ui/Button.tsx';
import { formatMoney } from '../../ui/format.ts';
import { Sheet } from '../../ui/Sheet.tsx';
import type { NewLine } from '../../store/cart.ts';

type Group = MenuItem['optionGroups'][number];
type Chosen = Record<string, string[]>;

/** Required groups start with their first options chosen, so the common order is one tap. */
export function initialChoice(item: MenuItem): Chosen {
  return Object.fromEntries(
    item.optionGroups.map((g) => [g.id, g.options.slice(0, g.min).map((o) => o.id)]),
  );
}

/** A tap on an option: single-choice groups swap, multi-choice groups toggle up to their maximum. */
export function toggleOption(group: Group, chosen: readonly string[], optionId: string): string[] {
  const on = chosen.includes(optionId);
  if (group.max === 1) {
    if (on) return group.min === 0 ? [] : [...chosen];
    return [optionId];
  }
  if (on) return chosen.filter((id) => id !== optionId);
  return chosen.length < group.max ? [...chosen, optionId] : [...chosen];
}

export function isComplete(item: MenuItem, chosen: Chosen): boolean {
  return item.optionGroups.every((g) => {
    const n = chosen[g.id]?.length ?? 0;
    return n >= g.min && n <= g.max;
  });
}

/** The line a choice makes: options in menu order, with their names and prices. */
export function lineOf(item: MenuItem, chosen: Chosen, quantity: number): NewLine {
  const options = item.optionGroups.flatMap((g) =>
    g.options.filter((o) => chosen[g.id]?.includes(o.id)),
  );
  return {
    itemId: item.id,
    name: item.name,
    optionIds: options.map((o) => o.id),
    optionNames: options.map((o) => o.name),
    quantity,
    maxQuantity: item.maxQuantity,
    baseMinor: item.priceMinor,
    optionDeltasMinor: options.map((o) => o.priceDeltaMinor),
  };
}

function signedPrice(delta: number, currency: string, locale: string): string {
  const amount = formatMoney(Math.abs(delta), currency, locale);
  return delta < 0 ? `−${amount}` : `+${amount}`;
}

/**
 * An item's options, chosen on the menu screen itself (not a further screen: the purchase flow
 * stays within four). Every choice is a button; nothing to type.
 */
export function OptionsSheet({
  item,
  currency,
  onAdd,
  onCancel,
}: {
  item: MenuItem;
  currency: string;
  onAdd: (line: NewLine) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('services');
  const [chosen, setChosen] = useState<Chosen>(() => initialChoice(item));
  const [quantity, setQuantity] = useState(1);
  const line = lineOf(item, chosen, quantity);
  const unit = unitPriceMinor(line.baseMinor, line.optionDeltasMinor);
  const price = formatMoney(unit * quantity, currency, i18n.language);

  return (
    <Sheet labelledBy="options-title" onCancel={onCancel} testId="options-sheet">
      <h2 className="section-title" id="options-title">
        {item.name}
      </h2>
      {item.optionGroups.map((group) => (
        <div
          key={group.id}
          className="option-group"
          role="group"
          aria-labelledby={`og-${group.id}`}
        >
          <span className="label option-group__label" id={`og-${group.id}`}>
            {group.name} ·{' '}
            {group.min >= 1 && group.max === 1
              ? t('options.chooseOne')
              : group.min === 0 && group.max === 1
                ? t('options.optional')
                : t('options.upTo', { count: group.max })}
          </span>
          <div className="button-row">
            {group.options.map((option) => (
              <Button
                key={option.id}
                aria-pressed={chosen[group.id]?.includes(option.id) ?? false}
                onClick={() =>
                  setChosen((c) => ({
                    ...c,
                    [group.id]: toggleOption(group, c[group.id] ?? [], option.id),
                  }))
                }
                data-testid={`option-${group.id}-${option.id}`}
              >
                {option.name}
                {option.priceDeltaMinor !== 0 &&
                  ` ${signedPrice(option.priceDeltaMinor, currency, i18n.language)}`}
              </Button>
            ))}
          </div>
        </div>
      ))}
      <div className="sheet__actions">
        <div className="stepper" role="group" aria-label={t('options.quantity')}>
          <Button
            aria-label={t('options.less')}
            disabled={quantity <= 1}
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
            data-testid="quantity-less"
          >
            −
          </Button>
          <span className="stepper__value" data-testid="quantity">
            {quantity}
          </span>
          <Button
            aria-label={t('options.more')}
            disabled={quantity >= item.maxQuantity}
            onClick={() => setQuantity((q) => Math.min(item.maxQuantity, q + 1))}
            data-testid="quantity-more"
          >
            +
          </Button>
        </div>
        <Button onClick={onCancel} data-testid="options-cancel">
          {t('options.cancel')}
        </Button>
        <Button
          variant="primary"
          disabled={!isComplete(item, chosen)}
          onClick={() => onAdd(line)}
          data-testid="options-add"
        >
          {t('options.add', { price })}
        </Button>
      </div>
    </Sheet>
  );
}
