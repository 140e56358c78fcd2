import { z } from 'zod';
import { BRAND_FONTS } from './brandFonts.ts';
import { MOVING_FLOOR, flagsOf, UX_FLAG_NAMES, type UxFlagName } from './drive/restrictions.ts';
import { DISTANCE_UNITS, SUPPORTED_LOCALES } from './locales.ts';
import { isLoopbackHost } from './loopback.ts';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
const flagList = z.array(z.enum(UX_FLAG_NAMES as [UxFlagName, ...UxFlagName[]]));

/** The market's CarUxRestrictions table; `moving` may not be laxer than the guidelines' floor. */
const uxTableSchema = z.strictObject({
  parked: flagList,
  idling: flagList,
  moving: flagList.refine((names) => (flagsOf(names) & MOVING_FLOOR) === MOVING_FLOOR, {
    message: 'must include FULLY_RESTRICTED, NO_READING and NO_OFFERS (driver-safety floor)',
  }),
  passenger: flagList,
  limits: z.strictObject({
    maxStringLength: z.int().min(20).max(120),
    maxListRows: z.int().min(1).max(6),
    maxContentDepth: z.int().min(1).max(3),
  }),
});

/** An endpoint origin: scheme, host and port only, since it is pasted into the renderer's CSP. */
const HOSTNAME = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/;
const httpUrl = z
  .url({
    protocol: /^https?$/,
    hostname: HOSTNAME,
    error: 'expected an http(s) URL',
  })
  .refine((text) => {
    // Zod runs this even when the URL check above failed: a non-URL is reported there, once.
    const url = URL.parse(text);
    if (!url) return true;
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, 'expected an origin only (scheme, host, port), without path, query or credentials')
  .refine((text) => {
    const url = URL.parse(text);
    // Not a URL, or a host the check above refused: reported there, once.
    if (!url || !HOSTNAME.test(url.hostname)) return true;
    return url.protocol === 'https:' || isLoopbackHost(url.hostname);
  }, 'off loopback the URL must be https:// (a vehicle token must not cross a network in clear)');

/** One vehicle line's configuration: `build/variants/<name>.json`. Unknown keys are errors so typos surface. */
export const variantObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
  brand: z.strictObject({
    name: z.string().min(1).max(40),
    colors: z.strictObject({
      primary: hexColour,
      onPrimary: hexColour,
      accent: hexColour,
    }),
    /** The Latin typeface; Chinese is always Noto Sans SC. One of the bundled BRAND_FONTS. */
    font: z.enum(BRAND_FONTS).default('noto-sans'),
  }),
  market: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 region such as US'),
  /**
   * The engineering screen (Settings: tap the version seven times, then the PIN). Only the PIN's
   * SHA-256 is kept here; without this key the screen cannot be opened on the line.
   */
  engineering: z
    .strictObject({
      pinSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the PIN as lower-case hex SHA-256'),
      /**
       * Where "Export diagnostics" writes its bundle: on a unit, the USB stick's mount point.
       * Absolute, so a bundle never lands somewhere relative to whatever started the app.
       */
      exportDir: z
        .string()
        .regex(/^\/[^\0]*$/, 'expected an absolute folder such as /media/usb0')
        .optional(),
    })
    .optional(),
  locales: z
    .array(z.enum(SUPPORTED_LOCALES))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'locales must not repeat'),
  defaultLocale: z.enum(SUPPORTED_LOCALES),
  distanceUnit: z.enum(DISTANCE_UNITS),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  panel: z.strictObject({
    widthPx: z.int().min(320).max(7680),
    heightPx: z.int().min(240).max(4320),
    pxPerInch: z.number().min(50).max(600),
  }),
  vehicle: z.strictObject({
    /** False for manual gearboxes: then the parking brake decides PARKED. */
    hasParkGear: z.boolean(),
    powertrain: z.enum(['COMBUSTION', 'HYBRID', 'ELECTRIC']),
    /**
     * Where the bridge reads the car: its simulator (development), or the CAN buses through a
     * vehicle profile (build/vehicles/<profile>.json), optionally with a simulator scenario
     * serving the paths the profile does not map (position on a car without GNSS on CAN).
     */
    signals: z
      .discriminatedUnion('source', [
        z.strictObject({ source: z.literal('simulator') }),
        z.strictObject({
          source: z.literal('can'),
          profile: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a profile name in build/vehicles'),
          interfaces: z
            .array(z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'an interface name such as can0'))
            .min(1)
            .optional(),
          fill: z.string().min(1).optional(),
        }),
      ])
      .default({ source: 'simulator' }),
  }),
  uxRestrictions: uxTableSchema,
  passengerMode: z.strictObject({
    /** Minutes a passenger confirmation lasts before it must be given again. */
    expiresAfterMinutes: z.int().min(1).max(120),
  }),
  bridgeUrl: httpUrl,
  /**
   * "token": the bridge admits only signal clients presenting the unit's bridge token (the
   * systemd credential `bridge-token`, which the bridge's and the app's units both load).
   */
  bridgeAuth: z.enum(['none', 'token']).default('none'),
  cloudUrl: httpUrl,
  features: z.strictObject({
    services: z.boolean(),
    lease: z.boolean(),
    offers: z.boolean(),
    testDrives: z.boolean(),
  }),
});

export const variantSchema = variantObjectSchema.superRefine((variant, ctx) => {
  if (!variant.locales.includes(variant.defaultLocale)) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultLocale'],
      message: `must be one of locales (${variant.locales.join(', ')})`,
    });
  }
});
export type Variant = z.infer<typeof variantSchema>;
