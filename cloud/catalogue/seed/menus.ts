import type { Menu, MenuItem } from '../../../common/cloudApi/catalog.schema.ts';

/**
 * Menu templates for the demo catalogue, written in each place's language and priced in its
 * currency (minor units). Shops of one kind share a template; the seed marks items sold out per
 * merchant.
 */
export type SeedLocale = 'en' | 'de' | 'zh';
export type SeedCurrency = 'USD' | 'EUR' | 'CNY';
export interface MenuContext {
  locale: SeedLocale;
  currency: SeedCurrency;
}

type Text = readonly [en: string, de: string, zh: string];
type Price = readonly [usd: number, eur: number, cny: number];
type OptionRow = readonly [id: string, name: Text, delta: Price];

function say(ctx: MenuContext, text: Text): string {
  return text[ctx.locale === 'en' ? 0 : ctx.locale === 'de' ? 1 : 2];
}

function cost(ctx: MenuContext, price: Price): number {
  return price[ctx.currency === 'USD' ? 0 : ctx.currency === 'EUR' ? 1 : 2];
}

interface GroupSpec {
  id: string;
  name: Text;
  min: number;
  max: number;
  options: readonly OptionRow[];
}

interface ItemSpec {
  id: string;
  name: Text;
  description?: Text;
  price: Price;
  maxQuantity?: number;
  groups?: readonly GroupSpec[];
}

interface SectionSpec {
  id: string;
  name: Text;
  items: readonly ItemSpec[];
}

function build(ctx: MenuContext, sections: readonly SectionSpec[]): Menu {
  return {
    sections: sections.map((s) => ({
      id: s.id,
      name: say(ctx, s.name),
      items: s.items.map((i): MenuItem => ({
        id: i.id,
        name: say(ctx, i.name),
        description: i.description ? say(ctx, i.description) : '',
        priceMinor: cost(ctx, i.price),
        available: true,
        maxQuantity: i.maxQuantity ?? 10,
        optionGroups: (i.groups ?? []).map((g) => ({
          id: g.id,
          name: say(ctx, g.name),
          min: g.min,
          max: g.max,
          options: g.options.map(([id, name, delta]) => ({
            id,
            name: say(ctx, name),
            priceDeltaMinor: cost(ctx, delta),
          })),
        })),
      })),
    })),
  };
}

/** Same text in every language (brand-like names). */
const same = (s: string): Text => [s, s, s];
const FREE: Price = [0, 0, 0];

const SIZE: GroupSpec = {
  id: 'size',
  name: ['Size', 'Größe', '杯型'],
  min: 1,
  max: 1,
  options: [
    ['small', ['Small', 'Klein', '中杯'], FREE],
    ['medium', ['Medium', 'Mittel', '大杯'], [60, 50, 300]],
    ['large', ['Large', 'Groß', '超大杯'], [120, 90, 600]],
  ],
};
const MILK: GroupSpec = {
  id: 'milk',
  name: ['Milk', 'Milch', '奶'],
  min: 0,
  max: 1,
  options: [
    ['whole', ['Whole milk', 'Vollmilch', '全脂牛奶'], FREE],
    ['oat', ['Oat milk', 'Hafermilch', '燕麦奶'], [70, 50, 400]],
    ['almond', ['Almond milk', 'Mandelmilch', '杏仁奶'], [70, 50, 400]],
  ],
};
const EXTRAS: GroupSpec = {
  id: 'extras',
  name: ['Extras', 'Extras', '加料'],
  min: 0,
  max: 2,
  options: [
    ['extra-shot', ['Extra shot', 'Extra Shot', '加浓缩'], [100, 60, 500]],
    ['vanilla', ['Vanilla syrup', 'Vanillesirup', '香草糖浆'], [60, 40, 300]],
  ],
};
const MILK_DRINK = [SIZE, MILK, EXTRAS] as const;

const COFFEE: readonly SectionSpec[] = [
  {
    id: 'coffee',
    name: ['Coffee', 'Kaffee', '咖啡'],
    items: [
      {
        id: 'latte',
        name: ['Caffè latte', 'Latte macchiato', '拿铁'],
        description: [
          'Double espresso, steamed milk',
          'Doppelter Espresso, aufgeschäumte Milch',
          '双份浓缩，蒸汽牛奶',
        ],
        price: [525, 390, 2800],
        groups: MILK_DRINK,
      },
      {
        id: 'cappuccino',
        name: ['Cappuccino', 'Cappuccino', '卡布奇诺'],
        price: [495, 360, 2600],
        groups: MILK_DRINK,
      },
      {
        id: 'americano',
        name: ['Americano', 'Americano', '美式咖啡'],
        price: [375, 290, 2200],
        groups: [SIZE, EXTRAS],
      },
      {
        id: 'cold-brew',
        name: ['Cold brew', 'Cold Brew', '冷萃咖啡'],
        price: [550, 420, 3000],
        groups: [SIZE],
      },
      {
        id: 'seasonal',
        name: ['Pumpkin spice latte', 'Lebkuchen-Latte', '桂花拿铁'],
        description: ['Seasonal', 'Saisonal', '季节限定'],
        price: [625, 450, 3200],
        groups: MILK_DRINK,
      },
    ],
  },
  {
    id: 'bakery',
    name: ['Bakery', 'Gebäck', '烘焙'],
    items: [
      {
        id: 'croissant',
        name: ['Butter croissant', 'Buttercroissant', '黄油可颂'],
        price: [375, 240, 1500],
        groups: [
          {
            id: 'warm',
            name: ['Serve', 'Servieren', '加热'],
            min: 0,
            max: 1,
            options: [['warmed', ['Warmed', 'Aufgewärmt', '加热'], FREE]],
          },
        ],
      },
      {
        id: 'muffin',
        name: ['Blueberry muffin', 'Heidelbeer-Muffin', '蓝莓玛芬'],
        price: [350, 290, 1800],
      },
    ],
  },
];

const DRINKS: SectionSpec = {
  id: 'drinks',
  name: ['Drinks', 'Getränke', '饮品'],
  items: [
    { id: 'water', name: ['Still water', 'Stilles Wasser', '矿泉水'], price: [225, 190, 400] },
    { id: 'soda', name: ['Lemonade', 'Spezi', '酸梅汤'], price: [295, 290, 800] },
  ],
};

const BURGERS: readonly SectionSpec[] = [
  {
    id: 'burgers',
    name: same('Burgers'),
    items: [
      {
        id: 'classic',
        name: same('Classic cheeseburger'),
        description: same('Quarter-pound beef patty, cheddar, pickles, house sauce'),
        price: [1195, 0, 0],
        groups: [
          {
            id: 'doneness',
            name: same('Doneness'),
            min: 1,
            max: 1,
            options: [
              ['medium-rare', same('Medium rare'), FREE],
              ['medium', same('Medium'), FREE],
              ['well-done', same('Well done'), FREE],
            ],
          },
          {
            id: 'add-ons',
            name: same('Add-ons'),
            min: 0,
            max: 3,
            options: [
              ['bacon', same('Bacon'), [250, 0, 0]],
              ['avocado', same('Avocado'), [200, 0, 0]],
              ['no-cheese', same('No cheese'), [-100, 0, 0]],
            ],
          },
        ],
      },
      {
        id: 'veggie',
        name: same('Veggie burger'),
        price: [1150, 0, 0],
        groups: [
          {
            id: 'add-ons',
            name: same('Add-ons'),
            min: 0,
            max: 1,
            options: [['avocado', same('Avocado'), [200, 0, 0]]],
          },
        ],
      },
    ],
  },
  {
    id: 'sides',
    name: same('Sides'),
    items: [
      {
        id: 'fries',
        name: same('Fries'),
        price: [450, 0, 0],
        groups: [
          {
            id: 'size',
            name: same('Size'),
            min: 1,
            max: 1,
            options: [
              ['regular', same('Regular'), FREE],
              ['large', same('Large'), [150, 0, 0]],
            ],
          },
        ],
      },
      { id: 'shake', name: same('Vanilla shake'), price: [650, 0, 0] },
    ],
  },
  DRINKS,
];

const TACOS: readonly SectionSpec[] = [
  {
    id: 'tacos',
    name: same('Tacos & burritos'),
    items: [
      {
        id: 'burrito',
        name: same('Super burrito'),
        description: same('Rice, beans, cheese, sour cream, guacamole, salsa'),
        price: [1350, 0, 0],
        groups: [
          {
            id: 'filling',
            name: same('Filling'),
            min: 1,
            max: 1,
            options: [
              ['carne-asada', same('Carne asada'), FREE],
              ['al-pastor', same('Al pastor'), FREE],
              ['pollo', same('Chicken'), [-50, 0, 0]],
              ['veggie', same('Grilled vegetables'), [-100, 0, 0]],
            ],
          },
        ],
      },
      {
        id: 'tacos',
        name: same('Tacos (3)'),
        price: [1095, 0, 0],
        groups: [
          {
            id: 'filling',
            name: same('Filling'),
            min: 1,
            max: 1,
            options: [
              ['carne-asada', same('Carne asada'), FREE],
              ['al-pastor', same('Al pastor'), FREE],
              ['fish', same('Baja fish'), [150, 0, 0]],
            ],
          },
        ],
      },
      { id: 'chips', name: same('Chips & guacamole'), price: [650, 0, 0] },
    ],
  },
  DRINKS,
];

const MEZZE: readonly SectionSpec[] = [
  {
    id: 'wraps',
    name: same('Wraps & plates'),
    items: [
      {
        id: 'shawarma',
        name: same('Chicken shawarma wrap'),
        description: same('Garlic sauce, pickles, fries inside'),
        price: [995, 0, 0],
        groups: [
          {
            id: 'spice',
            name: same('Spice'),
            min: 1,
            max: 1,
            options: [
              ['mild', same('Mild'), FREE],
              ['hot', same('Hot'), FREE],
            ],
          },
        ],
      },
      { id: 'falafel', name: same('Falafel plate'), price: [1195, 0, 0] },
      { id: 'fattoush', name: same('Fattoush salad'), price: [850, 0, 0] },
      { id: 'hummus', name: same('Hummus with pita'), price: [695, 0, 0] },
    ],
  },
  {
    id: 'juice',
    name: same('Fresh juice'),
    items: [
      {
        id: 'juice',
        name: same('Fresh juice'),
        price: [595, 0, 0],
        groups: [
          {
            id: 'fruit',
            name: same('Fruit'),
            min: 1,
            max: 1,
            options: [
              ['orange', same('Orange'), FREE],
              ['lemon-mint', same('Lemon mint'), FREE],
              ['pomegranate', same('Pomegranate'), [150, 0, 0]],
            ],
          },
        ],
      },
    ],
  },
];

const IMBISS: readonly SectionSpec[] = [
  {
    id: 'imbiss',
    name: same('Imbiss'),
    items: [
      {
        id: 'leberkaese',
        name: same('Leberkässemmel'),
        price: [0, 390, 0],
        groups: [
          {
            id: 'senf',
            name: same('Senf'),
            min: 0,
            max: 1,
            options: [
              ['suess', same('Süßer Senf'), FREE],
              ['scharf', same('Scharfer Senf'), FREE],
            ],
          },
        ],
      },
      {
        id: 'currywurst',
        name: same('Currywurst'),
        price: [0, 590, 0],
        groups: [
          {
            id: 'beilage',
            name: same('Beilage'),
            min: 1,
            max: 1,
            options: [
              ['semmel', same('Mit Semmel'), FREE],
              ['pommes', same('Mit Pommes'), [0, 250, 0]],
            ],
          },
        ],
      },
      { id: 'pommes', name: same('Pommes frites'), price: [0, 350, 0] },
    ],
  },
  DRINKS,
];

const BACKSTUBE: readonly SectionSpec[] = [
  {
    id: 'backwaren',
    name: same('Backwaren'),
    items: [
      { id: 'brezn', name: same('Brezn'), price: [0, 120, 0] },
      { id: 'butterbrezn', name: same('Butterbrezn'), price: [0, 220, 0] },
      { id: 'semmel', name: same('Kaisersemmel'), price: [0, 60, 0] },
      {
        id: 'strudel',
        name: same('Apfelstrudel'),
        price: [0, 380, 0],
        groups: [
          {
            id: 'dazu',
            name: same('Dazu'),
            min: 0,
            max: 1,
            options: [
              ['vanillesauce', same('Vanillesauce'), [0, 80, 0]],
              ['sahne', same('Sahne'), [0, 60, 0]],
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'kaffee',
    name: same('Kaffee'),
    items: [{ id: 'kaffee', name: same('Filterkaffee'), price: [0, 250, 0], groups: [SIZE] }],
  },
];

const DUMPLINGS: readonly SectionSpec[] = [
  {
    id: 'dumplings',
    name: same('点心'),
    items: [
      {
        id: 'xiaolongbao',
        name: same('鲜肉小笼包（8只）'),
        price: [0, 0, 2200],
        groups: [
          {
            id: 'filling',
            name: same('馅料'),
            min: 1,
            max: 1,
            options: [
              ['pork', same('鲜肉'), FREE],
              ['crab', same('蟹粉'), [0, 0, 1200]],
            ],
          },
        ],
      },
      { id: 'shengjian', name: same('生煎包（4只）'), price: [0, 0, 1500] },
      { id: 'wonton', name: same('虾肉馄饨'), price: [0, 0, 1800] },
    ],
  },
  DRINKS,
];

const NOODLES: readonly SectionSpec[] = [
  {
    id: 'noodles',
    name: same('面'),
    items: [
      {
        id: 'pian-er-chuan',
        name: same('片儿川'),
        description: same('雪菜、笋片、肉片'),
        price: [0, 0, 2800],
        groups: [
          {
            id: 'portion',
            name: same('份量'),
            min: 1,
            max: 1,
            options: [
              ['regular', same('标准'), FREE],
              ['large', same('加面'), [0, 0, 500]],
            ],
          },
          {
            id: 'toppings',
            name: same('加料'),
            min: 0,
            max: 2,
            options: [
              ['egg', same('荷包蛋'), [0, 0, 300]],
              ['shrimp', same('虾仁'), [0, 0, 1500]],
            ],
          },
        ],
      },
      { id: 'scallion-noodles', name: same('葱油拌面'), price: [0, 0, 1800] },
      { id: 'dongpo', name: same('东坡肉饭'), price: [0, 0, 3800] },
    ],
  },
  DRINKS,
];

function prepay(
  ctx: MenuContext,
  amounts: readonly Price[],
  grades: readonly OptionRow[],
): SectionSpec {
  const fmt = (p: Price) =>
    ctx.currency === 'USD'
      ? `$${cost(ctx, p) / 100}`
      : ctx.currency === 'EUR'
        ? `${cost(ctx, p) / 100} €`
        : `${cost(ctx, p) / 100} 元`;
  return {
    id: 'prepay',
    name: ['Pay at the pump', 'An der Säule bezahlen', '加油预付'],
    items: amounts.map((p) => ({
      id: `prepay-${cost(ctx, p) / 100}`,
      name: [`Prepay ${fmt(p)}`, `${fmt(p)} vorab`, `预付 ${fmt(p)}`] as const,
      description: [
        'Unused credit is refunded',
        'Nicht getankter Betrag wird erstattet',
        '未用金额原路退回',
      ] as const,
      price: p,
      maxQuantity: 1,
      groups: [
        { id: 'grade', name: ['Fuel', 'Kraftstoff', '油品'], min: 1, max: 1, options: grades },
      ],
    })),
  };
}

function fuel(ctx: MenuContext): readonly SectionSpec[] {
  const grades: readonly OptionRow[] =
    ctx.locale === 'en'
      ? [
          ['regular', same('Regular 87'), FREE],
          ['midgrade', same('Midgrade 89'), FREE],
          ['premium', same('Premium 91'), FREE],
          ['diesel', same('Diesel'), FREE],
        ]
      : ctx.locale === 'de'
        ? [
            ['e10', same('Super E10'), FREE],
            ['e5', same('Super E5'), FREE],
            ['superplus', same('Super Plus'), FREE],
            ['diesel', same('Diesel'), FREE],
          ]
        : [
            ['92', same('92号汽油'), FREE],
            ['95', same('95号汽油'), FREE],
            ['98', same('98号汽油'), FREE],
            ['diesel', same('0号柴油'), FREE],
          ];
  return [
    prepay(
      ctx,
      [
        [3000, 3000, 20000],
        [5000, 5000, 30000],
        [7500, 8000, 50000],
      ],
      grades,
    ),
    {
      id: 'shop',
      name: ['Shop', 'Shop', '便利店'],
      items: [
        {
          id: 'washer-fluid',
          name: ['Washer fluid', 'Scheibenreiniger', '玻璃水'],
          price: [699, 590, 2500],
        },
        { id: 'water', name: ['Still water', 'Stilles Wasser', '矿泉水'], price: [199, 190, 300] },
        {
          id: 'coffee',
          name: ['Coffee to go', 'Kaffee to go', '现磨咖啡'],
          price: [249, 220, 1200],
        },
      ],
    },
  ];
}

function charging(ctx: MenuContext): readonly SectionSpec[] {
  const connectors: readonly OptionRow[] =
    ctx.locale === 'en'
      ? [
          ['ccs1', same('CCS1 (DC fast)'), FREE],
          ['nacs', same('NACS (DC fast)'), FREE],
        ]
      : ctx.locale === 'de'
        ? [
            ['ccs2', same('CCS (DC)'), FREE],
            ['type2', same('Typ 2 (AC)'), FREE],
          ]
        : [
            ['gbt-dc', same('国标直流快充'), FREE],
            ['gbt-ac', same('国标交流慢充'), FREE],
          ];
  const session = (kwh: number, price: Price): ItemSpec => ({
    id: `session-${kwh}kwh`,
    name: [`${kwh} kWh charge`, `${kwh} kWh laden`, `充电 ${kwh} 度`],
    description: [
      'Reserved and paid ahead; unused energy is refunded',
      'Vorab reserviert und bezahlt; nicht geladene Energie wird erstattet',
      '提前预约支付，未充电量退款',
    ],
    price,
    maxQuantity: 1,
    groups: [
      {
        id: 'connector',
        name: ['Connector', 'Stecker', '接口'],
        min: 1,
        max: 1,
        options: connectors,
      },
    ],
  });
  return [
    {
      id: 'charging',
      name: ['Charging', 'Laden', '充电'],
      items: [
        session(20, [960, 1180, 3200]),
        session(40, [1920, 2360, 6400]),
        session(60, [2880, 3540, 9600]),
      ],
    },
  ];
}

function parking(_ctx: MenuContext): readonly SectionSpec[] {
  const ticket = (id: string, name: Text, price: Price): ItemSpec => ({
    id,
    name,
    price,
    maxQuantity: 1,
  });
  return [
    {
      id: 'parking',
      name: ['Parking', 'Parken', '停车'],
      items: [
        ticket('one-hour', ['1 hour', '1 Stunde', '1 小时'], [800, 350, 1000]),
        ticket('two-hours', ['2 hours', '2 Stunden', '2 小时'], [1500, 700, 2000]),
        ticket('day', ['All day', 'Tagesticket', '全天'], [3600, 2900, 6000]),
      ],
    },
  ];
}

function carWash(_ctx: MenuContext): readonly SectionSpec[] {
  const extras: GroupSpec = {
    id: 'extras',
    name: ['Extras', 'Extras', '增值服务'],
    min: 0,
    max: 3,
    options: [
      ['tire-shine', ['Tire shine', 'Reifenglanz', '轮胎上光'], [300, 200, 1000]],
      ['underbody', ['Underbody rinse', 'Unterbodenwäsche', '底盘冲洗'], [400, 300, 1500]],
      ['vacuum', ['Interior vacuum', 'Innenraum saugen', '内饰吸尘'], [600, 500, 2000]],
    ],
  };
  return [
    {
      id: 'wash',
      name: ['Wash', 'Wäsche', '洗车'],
      items: [
        {
          id: 'express',
          name: ['Express wash', 'Schnellwäsche', '快速洗车'],
          price: [1200, 900, 3000],
          maxQuantity: 1,
          groups: [extras],
        },
        {
          id: 'deluxe',
          name: ['Deluxe wash and wax', 'Premiumwäsche mit Wachs', '精洗打蜡'],
          price: [2000, 1500, 5000],
          maxQuantity: 1,
          groups: [extras],
        },
      ],
    },
  ];
}

function service(_ctx: MenuContext): readonly SectionSpec[] {
  return [
    {
      id: 'service',
      name: ['Service', 'Service', '保养'],
      items: [
        {
          id: 'oil-change',
          name: ['Synthetic oil change', 'Ölwechsel', '小保养（机油机滤）'],
          description: [
            'Includes filter and a multi-point check',
            'Mit Filter und Sichtprüfung',
            '含机油滤芯及全车检查',
          ],
          price: [7999, 8900, 39800],
          maxQuantity: 1,
          groups: [
            {
              id: 'oil',
              name: ['Oil', 'Öl', '机油'],
              min: 1,
              max: 1,
              options: [
                ['0w20', same('0W-20'), FREE],
                ['5w30', same('5W-30'), FREE],
              ],
            },
          ],
        },
        {
          id: 'tire-rotation',
          name: ['Tire rotation', 'Räderwechsel', '轮胎换位'],
          price: [2999, 3500, 10000],
          maxQuantity: 1,
        },
        {
          id: 'inspection',
          name: ['Multi-point inspection', 'Urlaubscheck', '免费安全检测'],
          price: [0, 0, 0],
          maxQuantity: 1,
        },
      ],
    },
  ];
}

export const MENU_TEMPLATES = {
  coffee: (ctx: MenuContext) => build(ctx, COFFEE),
  burgers: (ctx: MenuContext) => build(ctx, BURGERS),
  tacos: (ctx: MenuContext) => build(ctx, TACOS),
  mezze: (ctx: MenuContext) => build(ctx, MEZZE),
  imbiss: (ctx: MenuContext) => build(ctx, IMBISS),
  backstube: (ctx: MenuContext) => build(ctx, BACKSTUBE),
  dumplings: (ctx: MenuContext) => build(ctx, DUMPLINGS),
  noodles: (ctx: MenuContext) => build(ctx, NOODLES),
  fuel: (ctx: MenuContext) => build(ctx, fuel(ctx)),
  charging: (ctx: MenuContext) => build(ctx, charging(ctx)),
  parking: (ctx: MenuContext) => build(ctx, parking(ctx)),
  carWash: (ctx: MenuContext) => build(ctx, carWash(ctx)),
  service: (ctx: MenuContext) => build(ctx, service(ctx)),
} as const;
export type MenuTemplate = keyof typeof MENU_TEMPLATES;
