import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
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
  const app = await buildApp(config);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ store: app.deps.store.kind, dataDir: config.dataDir }, `Casusbord listening on ${address}`);
  // Machine-readable line for tests and scripts that start the server on port 0.
  const port = (app.server.address() as { port: number }).port;
  console.log(`casusbord:listening port=${port}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received; closing`);
    const force = setTimeout(() => process.exit(1), 10000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
