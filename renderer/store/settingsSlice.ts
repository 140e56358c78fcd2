import type { StateCreator } from 'zustand';
import type { Settings, SettingsPatch } from '../../common/settings.schema.ts';
import type {
  Connectivity,
  PublicVariantConfig,
  SystemInfo,
} from '../../common/hostApi/contract.schema.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import type { HostSnapshot } from '../../common/hostApi/bootSnapshot.ts';

export interface SettingsSlice {
  config: PublicVariantConfig;
  system: SystemInfo;
  settings: Settings;
  cloud: Connectivity['cloud'];
  settingsError: string | null;
  updateSettings(patch: SettingsPatch): Promise<void>;
  receiveSettings(settings: Settings): void;
  setCloud(state: Connectivity): void;
}

export const createSettingsSlice =
  (host: HostClient, initial: HostSnapshot): StateCreator<SettingsSlice, [], [], SettingsSlice> =>
  (set) => ({
    config: initial.config,
    system: initial.system,
    settings: initial.settings,
    cloud: initial.connectivity.cloud,
    settingsError: null,
    updateSettings: async (patch) => {
      try {
        const settings = await host.call('settings.update', patch);
        set({ settings, settingsError: null });
      } catch (error) {
        set({ settingsError: (error as Error).message });
      }
    },
    receiveSettings: (settings) => set({ settings }),
    setCloud: (state) => set({ cloud: state.cloud }),
  });
