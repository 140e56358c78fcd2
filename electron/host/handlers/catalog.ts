import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function catalogHandlers({
  catalog,
}: Pick<HostServices, 'catalog'>): NamespaceHandlers<'catalog'> {
  return {
    'catalog.merchants': (input) => catalog.merchants(input),
    'catalog.merchant': (input) => catalog.merchant(input.merchantId),
    'catalog.areas': () => catalog.areas(),
    'catalog.stops': (input) => catalog.stops(input),
  };
}
