import type { z } from 'zod';
import { isHostChannel, type HostChannel } from '../../common/hostApi/channels.ts';
import type {
  ChannelInput,
  ChannelOutput,
  HostContract,
} from '../../common/hostApi/contract.schema.ts';
import type { HostEnvelope, HostErrorCode } from '../../common/hostApi/errors.ts';
import { issueLines } from '../../common/validation.ts';

export type HostHandlers = {
  [C in HostChannel]: (input: ChannelInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** A failure a handler reports on purpose; anything else thrown becomes `internal`. */
export class HostFailure extends Error {
  readonly code: HostErrorCode;
  constructor(code: HostErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type Dispatch = (channel: unknown, input: unknown) => Promise<HostEnvelope>;

/**
 * The one place every host request passes, whatever the transport: unknown channels and invalid
 * input get typed errors, handler output is checked against the contract, nothing throws.
 */
export function createDispatcher(
  contract: HostContract,
  handlers: HostHandlers,
  options: {
    onInternalError: (channel: string, error: unknown) => void;
    /** Turns a known kind of failure (a cloud refusal, say) into a typed one; undefined: not known. */
    mapFailure?: (error: unknown) => HostFailure | undefined;
  },
): Dispatch {
  const { onInternalError, mapFailure = () => undefined } = options;
  return async (channel, input) => {
    if (!isHostChannel(channel)) {
      return fail('unknown_channel', `Unknown channel: ${describe(channel)}`);
    }
    const spec = contract[channel];
    const parsed = (spec.input as z.ZodType).safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${channel}`,
          issues: issueLines(parsed.error),
        },
      };
    }
    try {
      const handler = handlers[channel] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      const out = (spec.output as z.ZodType).safeParse(value);
      if (!out.success) {
        onInternalError(channel, out.error);
        return fail('internal', `The host produced an invalid reply for ${channel}`);
      }
      return { ok: true, value: out.data };
    } catch (error) {
      const failure = error instanceof HostFailure ? error : mapFailure(error);
      if (failure) return fail(failure.code, failure.message);
      onInternalError(channel, error);
      return fail('internal', `The host could not complete ${channel}`);
    }
  };
}

function fail(code: HostErrorCode, message: string): HostEnvelope {
  return { ok: false, error: { code, message } };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
}
