import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function settingsHandlers({
  settings,
}: Pick<HostServices, 'settings'>): NamespaceHandlers<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
