import { sameSecret } from '../common/node/sameSecret.ts';
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { Logger } from '../common/log.ts';
import { issueLines } from '../common/validation.ts';
import { signalMeta } from '../common/vss/signals.ts';
import { CONTROL_EVENT, CONTROL_NAMESPACE } from '../common/viss/control.ts';
import type { ControlReply } from '../common/viss/control.ts';
import { SCENARIO_NAMES, isScenarioName, scenarioSource } from './scenarios/catalog.ts';
import type { Powertrain } from './scenarios/car.ts';
import type { SignalStore } from './signalStore.ts';
import type { SourceController } from './sources.ts';

/**
 * The test-only control channel: set a value, pause or resume the source, switch scenario.
 * `handleControl` is the whole logic (tests in the same process call it directly); the
 * `/control` namespace only exists when the bridge is started with `control: true`, so a bridge
 * in a car refuses it at the socket.io level ("Invalid namespace").
 */

const MAX_CONTROL_BYTES = 16 * 1024;

const messageSchema = z.discriminatedUnion(
  'op',
  [
    z.object({
      op: z.literal('set'),
      path: z.string().min(1).max(256),
      value: z.union([z.string().max(1024), z.number(), z.boolean()], {
        error: 'must be a VISS string, a number or a boolean',
      }),
    }),
    z.object({ op: z.literal('pause-source') }),
    z.object({ op: z.literal('resume-source') }),
    z.object({ op: z.literal('scenario'), name: z.string().min(1).max(64) }),
  ],
  { error: 'op must be one of set, pause-source, resume-source, scenario' },
);

export interface ControlDeps {
  store: SignalStore;
  sources: SourceController;
  /** Applies to scenarios started from here, as to the one started at launch. */
  speedFactor: number;
  /** The vehicle line's powertrain, which scenarios started from here take on. */
  powertrain?: Powertrain;
  logger: Logger;
}

function sizeOf(raw: unknown): number | undefined {
  try {
    const text = JSON.stringify(raw) as string | undefined;
    return text === undefined ? undefined : Buffer.byteLength(text, 'utf8');
  } catch {
    return undefined;
  }
}

export function handleControl(raw: unknown, deps: ControlDeps): ControlReply {
  const fail = (error: string): ControlReply => ({ ok: false, error });
  const size = sizeOf(raw);
  if (size === undefined) return fail('message must be a JSON object');
  if (size > MAX_CONTROL_BYTES) return fail(`message is ${size} bytes; the limit is 16384`);
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      issueLines(parsed.error)
        .map(({ path, message }) => `${path}: ${message}`)
        .join('; '),
    );
  }
  const message = parsed.data;
  switch (message.op) {
    case 'set': {
      const { path, value } = message;
      const meta = signalMeta(path);
      if (!meta) return fail(`unknown signal path ${JSON.stringify(path.slice(0, 64))}`);
      // A string is VISS text unless the signal itself is a string.
      const result =
        typeof value === 'string' && meta.datatype !== 'string'
          ? deps.store.setText(path, value)
          : deps.store.set(path, value);
      return result.ok ? { ok: true } : fail(`${path}: ${result.reason}`);
    }
    case 'pause-source':
      return deps.sources.pause();
    case 'resume-source':
      return deps.sources.resume();
    case 'scenario': {
      const { name } = message;
      if (!isScenarioName(name)) {
        return fail(
          `unknown scenario ${JSON.stringify(name)}; one of ${SCENARIO_NAMES.join(', ')}`,
        );
      }
      deps.sources.replace(
        scenarioSource(name, deps.speedFactor, deps.powertrain),
        `simulator:${name}`,
      );
      deps.logger.info('control.scenario', { scenario: name });
      return { ok: true };
    }
  }
}

/** A control token is a secret: long enough not to be guessed. */
export const MIN_CONTROL_TOKEN_CHARS = 32;

/**
 * Who may steer the car: a client that presents the control token (compared in constant time)
 * and is not a web page. Browsers always send Origin; the test tools that use this channel do
 * not, so no page on any origin can reach it, whatever it knows.
 */
export function controlAdmission(
  handshake: { headers: Record<string, unknown>; auth: Record<string, unknown> },
  token: string,
): { ok: true } | { ok: false; reason: string } {
  if (handshake.headers.origin !== undefined) {
    return { ok: false, reason: 'control channel: web pages are refused' };
  }
  const given = handshake.auth.token;
  if (!sameSecret(given, token)) {
    return { ok: false, reason: 'control channel: a valid token is required' };
  }
  return { ok: true };
}

export function attachControlNamespace(io: Server, deps: ControlDeps, token: string): void {
  if (token.length < MIN_CONTROL_TOKEN_CHARS) {
    throw new Error(`control token must have at least ${MIN_CONTROL_TOKEN_CHARS} characters`);
  }
  deps.logger.warn('control.enabled', { note: 'test-only: token holders can steer signals' });
  const namespace = io.of(CONTROL_NAMESPACE);
  namespace.use((socket, next) => {
    const admitted = controlAdmission(socket.handshake, token);
    if (admitted.ok) next();
    else {
      deps.logger.warn('control.refused', { reason: admitted.reason });
      next(new Error(admitted.reason));
    }
  });
  namespace.on('connection', (socket) => {
    socket.on(CONTROL_EVENT, (raw: unknown, ack: unknown) => {
      const reply = handleControl(raw, deps);
      if (typeof ack === 'function') (ack as (reply: ControlReply) => void)(reply);
    });
  });
}
