import type { Settings, SettingsPatch } from '../../../common/settings.schema.ts';
import type { Variant } from '../../../common/variant.schema.ts';
import { HostFailure } from '../dispatch.ts';
import type { HostEventBus } from '../events.ts';
import type { SettingsStore } from './settingsStore.ts';

/** The user's settings within what the vehicle line allows; every change is announced. */
export class SettingsService {
  private readonly store: SettingsStore;
  private readonly variant: Pick<Variant, 'locales'>;
  private readonly events: HostEventBus;

  constructor(store: SettingsStore, variant: Pick<Variant, 'locales'>, events: HostEventBus) {
    this.store = store;
    this.variant = variant;
    this.events = events;
  }

  get(): Settings {
    return this.store.get();
  }

  update(patch: SettingsPatch): Settings {
    if (patch.language && !this.variant.locales.includes(patch.language)) {
      throw new HostFailure(
        'invalid_input',
        `Language ${patch.language} is not enabled for this vehicle`,
      );
    }
    const next = this.store.update(patch);
    this.events.emit('settings.changed', next);
    return next;
  }
}
