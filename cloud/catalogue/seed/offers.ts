import type { OfferTrigger, TimeOfDay } from '../../../common/cloudApi/offers.schema.ts';
import type { LocaleCode } from '../../../common/locales.ts';

/** Bump when the offers change: the server then replaces them on its next start. */
export const OFFER_SEED_VERSION = 2;

export type Localised = Readonly<Record<LocaleCode, string>>;

export type SeedOfferSubject =
  | { kind: 'merchant'; merchantId: string }
  | { kind: 'product'; productId: string; name: Localised; testDriveModelId?: string };

/**
 * Demo offers. Validity is relative to the seeding day (whole days, UTC midnight), so a fresh
 * database always has current, expired and future offers. `none` offers are non-targeted and go
 * to anyone; the others need the personalised-offers consent and their context.
 */
export interface SeedOffer {
  id: string;
  trigger: OfferTrigger;
  /** time_of_day offers: when they apply. */
  timesOfDay?: readonly TimeOfDay[];
  subject: SeedOfferSubject;
  title: Localised;
  body: Localised;
  validFromDay: number;
  validUntilDay: number;
  promoCode: string | null;
}

export const SEED_OFFERS: readonly SeedOffer[] = [
  {
    id: 'civic-roasters-welcome',
    trigger: 'none',
    subject: { kind: 'merchant', merchantId: 'sf-civic-roasters' },
    title: {
      en: '10 % off your first order ahead',
      de: '10 % auf Ihre erste Vorbestellung',
      'zh-CN': '首次预订立减 10%',
    },
    body: {
      en: 'Order from the car, pick up at the counter.',
      de: 'Im Auto bestellen, an der Theke abholen.',
      'zh-CN': '车内下单，柜台取餐。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: 'DASH10',
  },
  {
    id: 'ex3-meet',
    trigger: 'none',
    subject: {
      kind: 'product',
      productId: 'test-drive-ex3',
      name: {
        en: 'Dashport EX3 test drive',
        de: 'Probefahrt Dashport EX3',
        'zh-CN': 'Dashport EX3 试驾',
      },
      testDriveModelId: 'ex3',
    },
    title: { en: 'Meet the new EX3', de: 'Der neue EX3', 'zh-CN': '全新 EX3' },
    body: {
      en: 'Book a 45-minute test drive at a dealer near you.',
      de: '45 Minuten Probefahrt beim Händler buchen.',
      'zh-CN': '预约 45 分钟经销商试驾。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'lease-end-next-car',
    trigger: 'lease_ending',
    subject: {
      kind: 'product',
      productId: 'upgrade',
      name: { en: 'Your next car', de: 'Ihr nächstes Auto', 'zh-CN': '您的下一辆车' },
    },
    title: {
      en: 'Your lease ends soon',
      de: 'Ihr Leasing endet bald',
      'zh-CN': '您的租约即将到期',
    },
    body: {
      en: 'Test drive your next car and skip the last payment.',
      de: 'Nächstes Auto probefahren, letzte Rate sparen.',
      'zh-CN': '试驾下一辆车，免最后一期租金。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'lease-end-inspection',
    trigger: 'lease_ending',
    subject: {
      kind: 'product',
      productId: 'pre-inspection',
      name: { en: 'Pre-inspection', de: 'Vorabbegutachtung', 'zh-CN': '预检' },
    },
    title: {
      en: 'Free pre-inspection',
      de: 'Kostenlose Vorabbegutachtung',
      'zh-CN': '免费还车预检',
    },
    body: {
      en: 'Know before you return: book a free check.',
      de: 'Vor der Rückgabe Bescheid wissen: kostenlos prüfen lassen.',
      'zh-CN': '还车前免费检查，心中有数。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'van-ness-fuel-low',
    trigger: 'low_fuel_near_station',
    subject: { kind: 'merchant', merchantId: 'sf-van-ness-fuel' },
    title: {
      en: '10¢ off per gallon',
      de: '10 ¢ Rabatt pro Gallone',
      'zh-CN': '每加仑优惠 10 美分',
    },
    body: {
      en: 'Fill up at Van Ness Fuel, pay from the car.',
      de: 'Bei Van Ness Fuel tanken, im Auto bezahlen.',
      'zh-CN': '在 Van Ness Fuel 加油，车内支付。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'ford-road-fuel-low',
    trigger: 'low_fuel_near_station',
    subject: { kind: 'merchant', merchantId: 'dbn-ford-road-fuel' },
    title: {
      en: '10¢ off per gallon',
      de: '10 ¢ Rabatt pro Gallone',
      'zh-CN': '每加仑优惠 10 美分',
    },
    body: {
      en: 'Fill up at Ford Road Fuel, pay from the car.',
      de: 'Bei Ford Road Fuel tanken, im Auto bezahlen.',
      'zh-CN': '在 Ford Road Fuel 加油，车内支付。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'leopold-fuel-low',
    trigger: 'low_fuel_near_station',
    subject: { kind: 'merchant', merchantId: 'muc-leopold-tankstelle' },
    title: { en: '5 ct off per litre', de: '5 ct Rabatt pro Liter', 'zh-CN': '每升优惠 5 欧分' },
    body: {
      en: 'Fill up on Leopoldstraße, pay from the car.',
      de: 'In der Leopoldstraße tanken, im Auto bezahlen.',
      'zh-CN': '在 Leopoldstraße 加油，车内支付。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'hayes-morning-coffee',
    trigger: 'time_of_day',
    timesOfDay: ['morning'],
    subject: { kind: 'merchant', merchantId: 'sf-hayes-espresso' },
    title: {
      en: 'Morning espresso, $1 off',
      de: 'Morgen-Espresso, 1 $ günstiger',
      'zh-CN': '早间浓缩咖啡减 1 美元',
    },
    body: {
      en: 'Order ahead and skip the queue.',
      de: 'Vorbestellen und die Schlange überspringen.',
      'zh-CN': '提前下单，免排队。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: 'MORNING1',
  },
  {
    id: 'sendlinger-evening',
    trigger: 'time_of_day',
    timesOfDay: ['evening'],
    subject: { kind: 'merchant', merchantId: 'muc-sendlinger-imbiss' },
    title: {
      en: 'Dinner on the way home',
      de: 'Abendessen auf dem Heimweg',
      'zh-CN': '回家路上的晚餐',
    },
    body: {
      en: 'Free drink with any main course after 6 pm.',
      de: 'Gratis Getränk zu jedem Hauptgericht ab 18 Uhr.',
      'zh-CN': '晚 6 点后点主菜送饮料。',
    },
    validFromDay: -1,
    validUntilDay: 365,
    promoCode: null,
  },
  {
    id: 'polk-burgers-expired',
    trigger: 'none',
    subject: { kind: 'merchant', merchantId: 'sf-polk-burgers' },
    title: { en: 'Two for one', de: 'Zwei für eins', 'zh-CN': '买一送一' },
    body: { en: 'Ended yesterday.', de: 'Gestern beendet.', 'zh-CN': '已于昨天结束。' },
    validFromDay: -30,
    validUntilDay: 0,
    promoCode: null,
  },
  {
    id: 'soma-wash-upcoming',
    trigger: 'none',
    subject: { kind: 'merchant', merchantId: 'sf-soma-wash' },
    title: { en: 'Spring wash week', de: 'Frühjahrs-Waschwoche', 'zh-CN': '春季洗车周' },
    body: { en: 'Starts in a month.', de: 'Beginnt in einem Monat.', 'zh-CN': '一个月后开始。' },
    validFromDay: 30,
    validUntilDay: 37,
    promoCode: null,
  },
];
