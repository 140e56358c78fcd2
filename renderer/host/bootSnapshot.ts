import { BOOT_SNAPSHOT_ID, type HostSnapshot } from '../../common/hostApi/bootSnapshot.ts';
import { DISTANCE_UNITS, SUPPORTED_LOCALES, THEME_MODES } from '../../common/locales.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const oneOf = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

/**
 * The snapshot the host wrote into the page, or null (none, or not in the shape the first paint
 * relies on: the page then asks the host, as it always could). The host built it from
 * contract-checked answers; this guards the parts the shell reads before any call.
 */
export function readBootSnapshot(doc: Document): HostSnapshot | null {
  const text = doc.getElementById(BOOT_SNAPSHOT_ID)?.textContent;
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const { config, system, settings, connectivity } = value;
  if (!isObject(config) || !isObject(system) || !isObject(connectivity) || !isObject(settings)) {
    return null;
  }
  const settingsOk =
    oneOf(SUPPORTED_LOCALES, settings.language) &&
    oneOf(DISTANCE_UNITS, settings.distanceUnit) &&
    oneOf(THEME_MODES, settings.themeMode);
  const configOk =
    typeof config.bridgeUrl === 'string' &&
    isObject(config.brand) &&
    isObject(config.features) &&
    isObject(config.panel);
  return settingsOk && configOk ? (value as unknown as HostSnapshot) : null;
}
