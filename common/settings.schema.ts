import { z } from 'zod';
import { DISTANCE_UNITS, SUPPORTED_LOCALES, THEME_MODES } from './locales.ts';

export const settingsSchema = z.strictObject({
  language: z.enum(SUPPORTED_LOCALES),
  distanceUnit: z.enum(DISTANCE_UNITS),
  themeMode: z.enum(THEME_MODES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: 'At least one setting is required',
  });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
