import { useTranslation } from 'react-i18next';

/** "Visa ···· 4242": how a person recognises a saved card; the number itself never reaches the car. */
export function PaymentLabel({ method }: { method: { brand: string; last4: string } }) {
  const { t } = useTranslation('services');
  return <>{t('card', { brand: t(`cardBrand.${method.brand}`), last4: method.last4 })}</>;
}
