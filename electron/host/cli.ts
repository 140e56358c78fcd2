import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { variantSchema } from '../../common/variant.schema.ts';
import { issueLines } from '../../common/validation.ts';
import { createHost } from './host.ts';
import { log } from './log.ts';
import { installProcessPolicy } from '../../common/node/processPolicy.ts';
import { resolveCloudToken } from './cloudClient/token.ts';
import { takeFromEnv } from '../../common/node/secretFile.ts';
import { resolveBridgeToken } from '../../common/node/bridgeToken.ts';
import { loadVariant } from '../../common/node/variantFile.ts';
import { startWebServer } from './webServer.ts';
import { newHostSecret, writeSecretFile } from './hostSecret.ts';
import { isLoopbackHost } from '../../common/loopback.ts';
import { writeLaunchPage } from '../../common/node/launchPage.ts';

/** Browser-mode host: `npm run host -- --variant dev --port 7073`. Prints one JSON line when ready. */
// Out of the environment before anything else runs, so no child process inherits the token.
const cloudTokenFromEnv = takeFromEnv(process.env, 'DASHPORT_CLOUD_TOKEN');
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fail(lines: string[], code: number): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      variant: { type: 'string', default: process.env.DASHPORT_VARIANT ?? 'dev' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7073' },
      'data-dir': { type: 'string', default: '.data/host' },
      renderer: { type: 'string', default: join(projectRoot, 'out', 'renderer') },
      'bridge-url': { type: 'string' },
      'cloud-url': { type: 'string' },
      // A file the service user alone can read; under systemd, LoadCredential=cloud-token wins.
      'cloud-token-file': { type: 'string' },
      // The bridge's client token when the variant's bridgeAuth is "token" (or the credential).
      'bridge-token-file': { type: 'string' },
      'cloud-poll-ms': { type: 'string', default: '5000' },
      'test-hooks': { type: 'boolean', default: false },
      // Where this start's secret is written for the kiosk launcher (mode 0600).
      'secret-file': { type: 'string' },
      // A page (mode 0600) that forwards a kiosk browser to the host with the secret, written once
      // the host listens: the browser-mode unit opens it.
      'launch-page': { type: 'string' },
      // Instead of the line's engineering.exportDir: a desk has no USB stick at /media/usb0.
      'export-dir': { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail([`host: ${(error as Error).message}`], 2);
}

installProcessPolicy(log);

const port = Number(args.port);
const pollMs = Number(args['cloud-poll-ms']);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail([`host: --port must be 0..65535, got ${args.port}`], 2);
if (!Number.isInteger(pollMs) || pollMs < 100)
  fail([`host: --cloud-poll-ms must be an integer >= 100`], 2);

const loaded = loadVariant(args.variant, projectRoot);
if (!loaded.ok) fail(loaded.problems, 1);

const { engineering } = loaded.variant;
if (args['export-dir'] === '') fail(['host: --export-dir needs a folder'], 2);
if (args['export-dir'] !== undefined && engineering === undefined) {
  fail([`host: --export-dir: the ${loaded.variant.name} line has no engineering screen`], 2);
}
// Overrides (tests and benches pick free ports; a desk names its export folder) are validated
// like the file itself.
const overridden = variantSchema.safeParse({
  ...loaded.variant,
  ...(args['bridge-url'] ? { bridgeUrl: args['bridge-url'] } : {}),
  ...(args['cloud-url'] ? { cloudUrl: args['cloud-url'] } : {}),
  ...(args['export-dir'] !== undefined
    ? { engineering: { ...engineering, exportDir: resolve(args['export-dir']) } }
    : {}),
});
if (!overridden.success)
  fail(
    issueLines(overridden.error).map((i) => `host: override ${i.path}: ${i.message}`),
    2,
  );

const token = resolveCloudToken({
  env: process.env,
  fromEnv: cloudTokenFromEnv,
  file: args['cloud-token-file'],
  // systemd sets INVOCATION_ID for every unit it starts: then the environment is no place for it.
  allowEnv: process.env.INVOCATION_ID === undefined,
  variantName: overridden.data.name,
});
if (!token.ok) fail([`host: cloud token: ${token.problem}`], 2);
const bridgeToken = resolveBridgeToken({
  env: process.env,
  file: args['bridge-token-file'],
  required: overridden.data.bridgeAuth === 'token',
});
if (!bridgeToken.ok) fail([`host: bridge token: ${bridgeToken.problem}`], 2);

const rendererRoot = resolve(args.renderer);
if (!existsSync(join(rendererRoot, 'index.html'))) {
  fail([`host: no renderer build at ${rendererRoot} (run "npm run build" first)`], 1);
}

const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
};
const host = createHost({
  variant: overridden.data,
  dataDir: resolve(args['data-dir']),
  version: pkg.version,
  buildTime: statSync(join(rendererRoot, 'index.html')).mtime.toISOString(),
  transport: 'socket',
  cloudPollMs: pollMs,
  cloudToken: token.token,
  bridgeToken: bridgeToken.token,
  testHooks: args['test-hooks'],
});
if (!isLoopbackHost(args.host)) {
  // The page and its secret then travel in clear over the network: an engineer's bench only.
  log.warn('host.not_loopback', { host: args.host });
  process.stderr.write(
    `host: warning: --host ${args.host} serves the host API beyond this machine over plain HTTP\n`,
  );
}
// systemd's RuntimeDirectory= (a tmpfs only the service user can enter) when there is one.
const secretFile = resolve(
  args['secret-file'] ??
    join(process.env.RUNTIME_DIRECTORY ?? resolve(args['data-dir']), 'host-secret'),
);
const secret = newHostSecret();
try {
  writeSecretFile(secretFile, secret);
} catch (error) {
  fail([`host: cannot write the secret file ${secretFile}: ${(error as Error).message}`], 1);
}
const server = await startWebServer({ host, rendererRoot, hostname: args.host, port, secret });
if (args['launch-page']) {
  try {
    writeLaunchPage(resolve(args['launch-page']), server.url, secret);
  } catch (error) {
    await server.close();
    host.close();
    fail([`host: cannot write the launch page: ${(error as Error).message}`], 1);
  }
}
log.info('host.listening', { url: server.url, variant: overridden.data.name, secretFile });
process.stdout.write(`${JSON.stringify({ event: 'listening', url: server.url, secretFile })}\n`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await server.close();
  host.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
