/** Locales the app ships text for; a variant may enable a subset. */
export const SUPPORTED_LOCALES = ['en', 'zh-CN', 'de'] as const;
export type LocaleCode = (typeof SUPPORTED_LOCALES)[number];

export const DISTANCE_UNITS = ['km', 'mi'] as const;
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];

export const THEME_MODES = ['auto', 'day', 'night'] as const;
export type ThemeMode = (typeof THEME_MODES)[number];
