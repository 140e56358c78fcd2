import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function consentHandlers({
  consent,
}: Pick<HostServices, 'consent'>): NamespaceHandlers<'consent'> {
  return {
    'consent.get': () => consent.view(),
    'consent.set': (input) => consent.set(input.purpose, input.granted),
  };
}
