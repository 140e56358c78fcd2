import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function offersHandlers({
  offers,
}: Pick<HostServices, 'offers'>): NamespaceHandlers<'offers'> {
  return {
    'offers.list': (input) => offers.list(input),
    'offers.markShown': (input) => offers.markShown(input.offerId),
    'offers.mute': (input) => offers.mute(input.merchantId),
    'offers.unmute': (input) => offers.unmute(input.merchantId),
    'offers.muteAll': (input) => offers.muteAll(input.muted),
  };
}
