import { DEMO_VEHICLE_TOKENS } from '../../../common/demoTokens.ts';
import type { MerchantCategory } from '../../../common/cloudApi/catalog.schema.ts';
import type { TaxRule } from '../../../common/money.ts';
import type { IsoWeekday, OpeningPeriod } from '../../../common/openingHours.ts';
import type { MenuTemplate, SeedCurrency, SeedLocale } from './menus.ts';

/**
 * The demo catalogue as partner feeds, one per place, in the form a merchant aggregator would
 * send it. Feeds from Chinese providers give positions in GCJ-02; the importer converts them to
 * WGS-84. Names and positions are fictional but placed on real streets; no brand is implied.
 */
export type CoordinateSystem = 'WGS84' | 'GCJ02';

export interface FeedMerchant {
  id: string;
  name: string;
  category: MerchantCategory;
  /** In the feed's coordinate system. */
  lat: number;
  lon: number;
  address: string;
  hours: 'always' | readonly OpeningPeriod[];
  deliversToCar: boolean;
  menu: MenuTemplate;
  tax: TaxRule;
  /** Item ids marked sold out: the merchant simulator rejects orders containing them. */
  soldOut?: readonly string[];
}

export interface MerchantFeed {
  place: string;
  city: string;
  countryCode: string;
  currency: SeedCurrency;
  locale: SeedLocale;
  timeZone: string;
  coordinateSystem: CoordinateSystem;
  merchants: readonly FeedMerchant[];
}

const ALL_DAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

function on(days: readonly IsoWeekday[], open: string, close: string): OpeningPeriod[] {
  return days.map((day) => ({ day, open, close }));
}
const daily = (open: string, close: string) => on(ALL_DAYS, open, close);

// US: sales tax added at checkout (San Francisco 8.625 %, Michigan 6 %); fuel, charging and
// parking prices as posted include their taxes. EU and China: VAT included in every price.
const SF_SALES_TAX: TaxRule = { rateBp: 863, included: false };
const MI_SALES_TAX: TaxRule = { rateBp: 600, included: false };
const POSTED: TaxRule = { rateBp: 0, included: true };
const SF_PARKING_TAX: TaxRule = { rateBp: 2500, included: true };
const DE_VAT: TaxRule = { rateBp: 1900, included: true };
const DE_VAT_FOOD: TaxRule = { rateBp: 700, included: true };
const CN_VAT_SERVICES: TaxRule = { rateBp: 600, included: true };
const CN_VAT_GOODS: TaxRule = { rateBp: 1300, included: true };

/**
 * San Francisco: around the bridge simulator's start (Civic Center, 37.7793, -122.4193) and along
 * the recorded comma2k19 drive (19th Avenue by Stonestown, 37.721 → 37.730, -122.472, northbound).
 */
const SAN_FRANCISCO: MerchantFeed = {
  place: 'san-francisco',
  city: 'San Francisco',
  countryCode: 'US',
  currency: 'USD',
  locale: 'en',
  timeZone: 'America/Los_Angeles',
  coordinateSystem: 'WGS84',
  merchants: [
    {
      id: 'sf-civic-roasters',
      name: 'Civic Center Roasters',
      category: 'coffee',
      lat: 37.7799,
      lon: -122.4177,
      address: '1 Dr Carlton B Goodlett Pl',
      hours: [...on(WEEKDAYS, '06:30', '18:00'), ...on([6, 7], '07:30', '16:00')],
      deliversToCar: true,
      menu: 'coffee',
      tax: SF_SALES_TAX,
      soldOut: ['seasonal'],
    },
    {
      id: 'sf-hayes-espresso',
      name: 'Hayes Valley Espresso Bar',
      category: 'coffee',
      lat: 37.7766,
      lon: -122.4241,
      address: '432 Hayes St',
      hours: daily('07:00', '19:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-polk-burgers',
      name: 'Polk Street Burger Co.',
      category: 'food',
      lat: 37.7834,
      lon: -122.4194,
      address: '1050 Polk St',
      hours: daily('11:00', '23:00'),
      deliversToCar: true,
      menu: 'burgers',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-mission-taqueria',
      name: 'Mission & 9th Taqueria',
      category: 'food',
      lat: 37.7766,
      lon: -122.416,
      address: '1401 Mission St',
      hours: daily('10:00', '02:00'),
      deliversToCar: true,
      menu: 'tacos',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-van-ness-fuel',
      name: 'Van Ness Fuel',
      category: 'fuel',
      lat: 37.7863,
      lon: -122.4215,
      address: '1501 Van Ness Ave',
      hours: 'always',
      deliversToCar: false,
      menu: 'fuel',
      tax: POSTED,
    },
    {
      id: 'sf-market-ev',
      name: 'Market Street EV Hub',
      category: 'ev_charging',
      lat: 37.7749,
      lon: -122.418,
      address: '1455 Market St',
      hours: 'always',
      deliversToCar: false,
      menu: 'charging',
      tax: POSTED,
    },
    {
      id: 'sf-civic-garage',
      name: 'Civic Center Plaza Garage',
      category: 'parking',
      lat: 37.7797,
      lon: -122.4173,
      address: '355 McAllister St',
      hours: 'always',
      deliversToCar: false,
      menu: 'parking',
      tax: SF_PARKING_TAX,
    },
    {
      id: 'sf-soma-wash',
      name: 'SoMa Hand Car Wash',
      category: 'car_wash',
      lat: 37.7735,
      lon: -122.411,
      address: '1170 Folsom St',
      hours: [...on([1, 2, 3, 4, 5, 6], '08:00', '18:00'), ...on([7], '09:00', '17:00')],
      deliversToCar: false,
      menu: 'carWash',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-van-ness-service',
      name: 'Van Ness Auto Service',
      category: 'vehicle_service',
      lat: 37.788,
      lon: -122.4218,
      address: '1700 Van Ness Ave',
      hours: [...on(WEEKDAYS, '07:30', '18:00'), ...on([6], '08:00', '16:00')],
      deliversToCar: false,
      menu: 'service',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-stonestown-coffee',
      name: 'Stonestown Coffee House',
      category: 'coffee',
      lat: 37.728,
      lon: -122.477,
      address: '3251 20th Ave',
      hours: daily('06:00', '20:00'),
      deliversToCar: true,
      menu: 'coffee',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-19th-ave-gas',
      name: '19th Avenue Gas',
      category: 'fuel',
      lat: 37.7335,
      lon: -122.4752,
      address: '2501 19th Ave',
      hours: 'always',
      deliversToCar: false,
      menu: 'fuel',
      tax: POSTED,
    },
    {
      id: 'sf-lake-merced-ev',
      name: 'Lake Merced EV Charging',
      category: 'ev_charging',
      lat: 37.719,
      lon: -122.483,
      address: '800 Font Blvd',
      hours: 'always',
      deliversToCar: false,
      menu: 'charging',
      tax: POSTED,
    },
    {
      id: 'sf-ocean-ave-grill',
      name: 'Ocean Ave Grill',
      category: 'food',
      lat: 37.724,
      lon: -122.464,
      address: '1600 Ocean Ave',
      hours: daily('10:00', '22:00'),
      deliversToCar: true,
      menu: 'burgers',
      tax: SF_SALES_TAX,
    },
    {
      id: 'sf-junipero-wash',
      name: 'Junipero Serra Car Wash',
      category: 'car_wash',
      lat: 37.7145,
      lon: -122.4725,
      address: '100 Junipero Serra Blvd',
      hours: daily('08:00', '18:00'),
      deliversToCar: false,
      menu: 'carWash',
      tax: SF_SALES_TAX,
    },
  ],
};

const DEARBORN: MerchantFeed = {
  place: 'dearborn',
  city: 'Dearborn',
  countryCode: 'US',
  currency: 'USD',
  locale: 'en',
  timeZone: 'America/Detroit',
  coordinateSystem: 'WGS84',
  merchants: [
    {
      id: 'dbn-michigan-ave-coffee',
      name: 'Michigan Avenue Coffee',
      category: 'coffee',
      lat: 42.3225,
      lon: -83.177,
      address: '13615 Michigan Ave',
      hours: [...on([1, 2, 3, 4, 5, 6], '06:00', '21:00'), ...on([7], '07:00', '18:00')],
      deliversToCar: true,
      menu: 'coffee',
      tax: MI_SALES_TAX,
      soldOut: ['seasonal'],
    },
    {
      id: 'dbn-west-village-cafe',
      name: 'West Village Café',
      category: 'coffee',
      lat: 42.3063,
      lon: -83.24,
      address: '22091 Michigan Ave',
      hours: daily('07:00', '17:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-warren-shawarma',
      name: 'Warren Avenue Shawarma',
      category: 'food',
      lat: 42.343,
      lon: -83.179,
      address: '13100 W Warren Ave',
      hours: daily('10:00', '24:00'),
      deliversToCar: true,
      menu: 'mezze',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-schaefer-diner',
      name: 'Schaefer Road Diner',
      category: 'food',
      lat: 42.3182,
      lon: -83.1665,
      address: '4300 Schaefer Rd',
      hours: daily('06:00', '15:00'),
      deliversToCar: false,
      menu: 'burgers',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-ford-road-fuel',
      name: 'Ford Road Fuel',
      category: 'fuel',
      lat: 42.3307,
      lon: -83.206,
      address: '19900 Ford Rd',
      hours: 'always',
      deliversToCar: false,
      menu: 'fuel',
      tax: POSTED,
    },
    // Station-side merchants: a combined stop (fill up, pick up) in each demo area.
    {
      id: 'dbn-ford-road-bakery',
      name: 'Ford Road Bakery & Coffee',
      category: 'coffee',
      lat: 42.3313,
      lon: -83.2051,
      address: '19850 Ford Rd',
      hours: daily('06:00', '21:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-rotunda-ev',
      name: 'Rotunda Drive EV Plaza',
      category: 'ev_charging',
      lat: 42.3127,
      lon: -83.211,
      address: '3000 Rotunda Dr',
      hours: 'always',
      deliversToCar: false,
      menu: 'charging',
      tax: POSTED,
    },
    {
      id: 'dbn-rotunda-grill',
      name: 'Rotunda Grill',
      category: 'food',
      lat: 42.3133,
      lon: -83.2101,
      address: '2950 Rotunda Dr',
      hours: daily('10:00', '22:00'),
      deliversToCar: false,
      menu: 'burgers',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-west-parking',
      name: 'West Dearborn Parking Deck',
      category: 'parking',
      lat: 42.307,
      lon: -83.243,
      address: '22200 Garrison St',
      hours: on([1, 2, 3, 4, 5, 6], '06:00', '23:00'),
      deliversToCar: false,
      menu: 'parking',
      tax: POSTED,
    },
    {
      id: 'dbn-telegraph-wash',
      name: 'Telegraph Road Car Wash',
      category: 'car_wash',
      lat: 42.312,
      lon: -83.272,
      address: '5000 S Telegraph Rd',
      hours: daily('08:00', '20:00'),
      deliversToCar: false,
      menu: 'carWash',
      tax: MI_SALES_TAX,
    },
    {
      id: 'dbn-quick-lube',
      name: 'Dearborn Quick Lube',
      category: 'vehicle_service',
      lat: 42.326,
      lon: -83.188,
      address: '14500 Ford Rd',
      hours: [...on(WEEKDAYS, '08:00', '18:00'), ...on([6], '08:00', '15:00')],
      deliversToCar: false,
      menu: 'service',
      tax: MI_SALES_TAX,
    },
  ],
};

/** Around West Lake; positions as AMap publishes them (GCJ-02). */
const HANGZHOU: MerchantFeed = {
  place: 'hangzhou',
  city: '杭州',
  countryCode: 'CN',
  currency: 'CNY',
  locale: 'zh',
  timeZone: 'Asia/Shanghai',
  coordinateSystem: 'GCJ02',
  merchants: [
    {
      id: 'hz-hubin-coffee',
      name: '湖滨咖啡',
      category: 'coffee',
      lat: 30.259,
      lon: 120.168,
      address: '上城区湖滨路 28 号',
      hours: daily('08:00', '22:00'),
      deliversToCar: true,
      menu: 'coffee',
      tax: CN_VAT_SERVICES,
      soldOut: ['seasonal'],
    },
    {
      id: 'hz-wulin-coffee',
      name: '武林路咖啡馆',
      category: 'coffee',
      lat: 30.2745,
      lon: 120.161,
      address: '西湖区武林路 155 号',
      hours: daily('07:30', '21:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-zhiwei-dumplings',
      name: '知味小笼',
      category: 'food',
      lat: 30.257,
      lon: 120.17,
      address: '上城区仁和路 83 号',
      hours: daily('06:30', '20:30'),
      deliversToCar: true,
      menu: 'dumplings',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-west-lake-noodles',
      name: '西湖面馆',
      category: 'food',
      lat: 30.265,
      lon: 120.175,
      address: '上城区解放路 118 号',
      // Closed between lunch and dinner, as many noodle shops are.
      hours: [...daily('10:30', '14:00'), ...daily('16:30', '21:00')],
      deliversToCar: false,
      menu: 'noodles',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-yanan-fuel',
      name: '延安路加油站',
      category: 'fuel',
      lat: 30.28,
      lon: 120.164,
      address: '拱墅区延安路 500 号',
      hours: 'always',
      deliversToCar: false,
      menu: 'fuel',
      tax: CN_VAT_GOODS,
    },
    // Station-side merchants: a combined stop (fill up or charge, pick up) in each demo area.
    {
      id: 'hz-yanan-baozi',
      name: '延安路包子铺',
      category: 'food',
      lat: 30.2805,
      lon: 120.1647,
      address: '拱墅区延安路 502 号',
      hours: daily('06:30', '20:00'),
      deliversToCar: false,
      menu: 'dumplings',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-huancheng-ev',
      name: '环城北路充电站',
      category: 'ev_charging',
      lat: 30.283,
      lon: 120.17,
      address: '拱墅区环城北路 208 号',
      hours: 'always',
      deliversToCar: false,
      menu: 'charging',
      tax: CN_VAT_GOODS,
    },
    {
      id: 'hz-huancheng-coffee',
      name: '环城北路咖啡',
      category: 'coffee',
      lat: 30.2834,
      lon: 120.1707,
      address: '拱墅区环城北路 210 号',
      hours: daily('07:30', '22:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-hubin-parking',
      name: '湖滨地下停车场',
      category: 'parking',
      lat: 30.26,
      lon: 120.165,
      address: '上城区东坡路 7 号',
      hours: 'always',
      deliversToCar: false,
      menu: 'parking',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-tianmushan-wash',
      name: '天目山路洗车',
      category: 'car_wash',
      lat: 30.278,
      lon: 120.14,
      address: '西湖区天目山路 98 号',
      hours: daily('08:30', '19:00'),
      deliversToCar: false,
      menu: 'carWash',
      tax: CN_VAT_SERVICES,
    },
    {
      id: 'hz-wensan-service',
      name: '文三路汽车保养中心',
      category: 'vehicle_service',
      lat: 30.279,
      lon: 120.136,
      address: '西湖区文三路 259 号',
      hours: daily('08:30', '18:00'),
      deliversToCar: false,
      menu: 'service',
      tax: CN_VAT_GOODS,
    },
  ],
};

/** Munich city centre, around Marienplatz (48.1374, 11.5755). */
const MUNICH: MerchantFeed = {
  place: 'munich',
  city: 'München',
  countryCode: 'DE',
  currency: 'EUR',
  locale: 'de',
  timeZone: 'Europe/Berlin',
  coordinateSystem: 'WGS84',
  merchants: [
    {
      id: 'muc-viktualien-kaffee',
      name: 'Kaffeerösterei am Viktualienmarkt',
      category: 'coffee',
      lat: 48.1351,
      lon: 11.5762,
      address: 'Frauenstraße 4',
      // Closed on Sundays, as German shops are.
      hours: [...on(WEEKDAYS, '07:30', '19:00'), ...on([6], '08:00', '18:00')],
      deliversToCar: false,
      menu: 'coffee',
      tax: DE_VAT,
      soldOut: ['seasonal'],
    },
    {
      id: 'muc-leopold-cafe',
      name: 'Café an der Leopoldstraße',
      category: 'coffee',
      lat: 48.159,
      lon: 11.585,
      address: 'Leopoldstraße 42',
      hours: daily('08:00', '22:00'),
      deliversToCar: true,
      menu: 'coffee',
      tax: DE_VAT,
    },
    {
      id: 'muc-sendlinger-imbiss',
      name: 'Imbiss am Sendlinger Tor',
      category: 'food',
      lat: 48.1339,
      lon: 11.5673,
      address: 'Sonnenstraße 1',
      hours: on([1, 2, 3, 4, 5, 6], '10:00', '22:00'),
      deliversToCar: true,
      menu: 'imbiss',
      tax: DE_VAT_FOOD,
    },
    {
      id: 'muc-backstube-tal',
      name: 'Backstube im Tal',
      category: 'food',
      lat: 48.1365,
      lon: 11.58,
      address: 'Tal 12',
      hours: [...on([1, 2, 3, 4, 5, 6], '06:00', '18:30'), ...on([7], '07:00', '12:00')],
      deliversToCar: false,
      menu: 'backstube',
      tax: DE_VAT_FOOD,
    },
    {
      id: 'muc-leopold-tankstelle',
      name: 'Tankstelle Leopoldstraße',
      category: 'fuel',
      lat: 48.165,
      lon: 11.587,
      address: 'Leopoldstraße 120',
      hours: 'always',
      deliversToCar: false,
      menu: 'fuel',
      tax: DE_VAT,
    },
    // Station-side merchants: a combined stop (fill up or charge, pick up) in each demo area.
    {
      id: 'muc-leopold-backshop',
      name: 'Backshop an der Tankstelle',
      category: 'food',
      lat: 48.1654,
      lon: 11.5873,
      address: 'Leopoldstraße 118',
      hours: daily('06:00', '22:00'),
      deliversToCar: false,
      menu: 'backstube',
      tax: DE_VAT_FOOD,
    },
    {
      id: 'muc-stachus-ladepark',
      name: 'Ladepark Stachus',
      category: 'ev_charging',
      lat: 48.139,
      lon: 11.565,
      address: 'Karlsplatz 6',
      hours: 'always',
      deliversToCar: false,
      menu: 'charging',
      tax: DE_VAT,
    },
    {
      id: 'muc-stachus-kaffeebar',
      name: 'Kaffeebar am Ladepark',
      category: 'coffee',
      lat: 48.1393,
      lon: 11.5655,
      address: 'Karlsplatz 8',
      hours: daily('07:00', '20:00'),
      deliversToCar: false,
      menu: 'coffee',
      tax: DE_VAT,
    },
    {
      id: 'muc-parkhaus-altstadt',
      name: 'Parkhaus Altstadt',
      category: 'parking',
      lat: 48.1372,
      lon: 11.5787,
      address: 'Hochbrückenstraße 9',
      hours: daily('06:30', '24:00'),
      deliversToCar: false,
      menu: 'parking',
      tax: DE_VAT,
    },
    {
      id: 'muc-schwabing-wasch',
      name: 'Waschstraße Schwabing',
      category: 'car_wash',
      lat: 48.168,
      lon: 11.58,
      address: 'Ungererstraße 60',
      hours: on([1, 2, 3, 4, 5, 6], '08:00', '20:00'),
      deliversToCar: false,
      menu: 'carWash',
      tax: DE_VAT,
    },
    {
      id: 'muc-isarvorstadt-werkstatt',
      name: 'Autowerkstatt Isarvorstadt',
      category: 'vehicle_service',
      lat: 48.129,
      lon: 11.574,
      address: 'Baaderstraße 30',
      hours: on(WEEKDAYS, '07:30', '17:30'),
      deliversToCar: false,
      menu: 'service',
      tax: DE_VAT,
    },
  ],
};

export const SEED_FEEDS: readonly MerchantFeed[] = [SAN_FRANCISCO, DEARBORN, HANGZHOU, MUNICH];

/**
 * Bump when the feeds or menus change: the server then replaces the catalogue on its next start
 * (orders keep their own copy of names and prices, so they are unaffected).
 */
export const SEED_VERSION = 2;

export interface SeedVehicle {
  id: string;
  name: string;
  /** Development tokens only; the database stores their SHA-256. */
  token: string;
  paymentMethods: readonly {
    id: string;
    brand: 'visa' | 'mastercard' | 'amex' | 'unionpay' | 'girocard';
    last4: string;
    expMonth: number;
    expYear: number;
    isDefault: boolean;
  }[];
}

export const SEED_VEHICLES: readonly SeedVehicle[] = [
  {
    id: 'veh-demo-1',
    name: 'Demo vehicle',
    token: DEMO_VEHICLE_TOKENS[0],
    paymentMethods: [
      {
        id: 'pm_demo1visa4242',
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2030,
        isDefault: true,
      },
      {
        id: 'pm_demo1mc4444',
        brand: 'mastercard',
        last4: '4444',
        expMonth: 8,
        expYear: 2029,
        isDefault: false,
      },
    ],
  },
  {
    id: 'veh-demo-2',
    name: 'Second demo vehicle',
    token: DEMO_VEHICLE_TOKENS[1],
    paymentMethods: [
      {
        id: 'pm_demo2amex0005',
        brand: 'amex',
        last4: '0005',
        expMonth: 3,
        expYear: 2031,
        isDefault: true,
      },
    ],
  },
  {
    id: 'veh-demo-3',
    name: 'Third demo vehicle',
    token: DEMO_VEHICLE_TOKENS[2],
    paymentMethods: [
      {
        id: 'pm_demo3visa1881',
        brand: 'visa',
        last4: '1881',
        expMonth: 6,
        expYear: 2030,
        isDefault: true,
      },
    ],
  },
];
