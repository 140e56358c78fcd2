import type { Variant } from '../../../common/variant.schema.ts';
import { HostFailure } from '../dispatch.ts';
import { createPinGate } from '../engineering/pinGate.ts';
import type { NamespaceHandlers } from './types.ts';

export function engineeringHandlers(
  variant: Variant,
  now: () => number = Date.now,
): NamespaceHandlers<'engineering'> {
  const gate = variant.engineering ? createPinGate(variant.engineering.pinSha256, now) : null;
  return {
    'engineering.unlock': ({ pin }) => {
      if (!gate) {
        throw new HostFailure('forbidden', `The ${variant.name} line has no engineering PIN`);
      }
      return gate.attempt(pin);
    },
  };
}
