import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

/** How long a close may take after SIGINT/SIGTERM before the process exits anyway, ms. */
const SIGNAL_CLOSE_MS = 10000;
/** How long a close may take after an unknown throw: short, the process is in an unknown state, ms. */
const FATAL_CLOSE_MS = 3000;

let app: FastifyInstance | null = null;
let stopping = false;
let fatal = false;

/**
 * Closes the app (sockets first, then final snapshots and the store) and exits with `code`, or
 * with 1 when the close fails or takes longer than `timeoutMs`. A fatal error during a signal's
 * close shortens the wait and makes the exit code 1.
 */
function shutdown(code: number, timeoutMs: number): void {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
  const force = setTimeout(() => process.exit(1), timeoutMs);
  force.unref();
  if (stopping) return;
  stopping = true;
  if (!app) return process.exit();
  app.close().then(
    () => process.exit(),
    () => process.exit(1),
  );
}

/**
 * The exception policy. Nothing an outsider sends should ever reach here: every request, upgrade
 * and socket event is guarded where it enters (see SECURITY.md). If something does, the process is
 * in a state nobody has reasoned about, so it does not carry on: the error is logged at fatal level
 * with its kind, the app is closed gracefully for at most FATAL_CLOSE_MS (open sockets get 1001 and
 * reconnect elsewhere or after the restart, rooms write their final snapshots), and the process
 * exits with 1 for its supervisor (docker `restart: unless-stopped`, systemd `Restart=always`) to
 * restart it. Every edit is stored before it is relayed, so nothing a client was told is accepted
 * is lost. A second fatal error while closing exits at once.
 */
function onFatal(kind: 'uncaughtException' | 'unhandledRejection', err: unknown): void {
  const context = { err, kind, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) };
  if (app) app.log.fatal(context, `${kind}: closing and exiting with 1 for the supervisor to restart`);
  else console.error(`${kind} before the server started:`, err);
  if (fatal) process.exit(1);
  fatal = true;
  shutdown(1, FATAL_CLOSE_MS);
}

async function main(): Promise<void> {
  process.on('uncaughtException', (err) => onFatal('uncaughtException', err));
  process.on('unhandledRejection', (reason) => onFatal('unhandledRejection', reason));
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  app = await buildApp(config);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ store: app.deps.store.kind, dataDir: config.dataDir }, `Casusbord listening on ${address}`);
  // Machine-readable line for tests and scripts that start the server on port 0.
  const port = (app.server.address() as { port: number }).port;
  console.log(`casusbord:listening port=${port}`);

  const stop = (signal: string) => {
    if (stopping) return;
    app?.log.info(`${signal} received; closing`);
    shutdown(0, SIGNAL_CLOSE_MS);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
