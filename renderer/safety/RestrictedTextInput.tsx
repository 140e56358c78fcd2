import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowed } from './useAllowed.ts';

/** The only text input the app uses: disabled, with its reason, while NO_KEYBOARD is in force (A1). */
export function RestrictedTextInput(
  props: InputHTMLAttributes<HTMLInputElement> & { label: string },
) {
  const { t } = useTranslation('common');
  const blocked = !useAllowed('keyboard');
  const { label, disabled, ...rest } = props;
  return (
    <label className="text-field">
      <span className="label">{label}</span>
      <input
        {...rest}
        className="text-field__input"
        disabled={blocked || disabled}
        aria-label={label}
      />
      {blocked && <span className="label">{t('safety.keyboardWhenParked')}</span>}
    </label>
  );
}
