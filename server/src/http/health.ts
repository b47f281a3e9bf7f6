import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '@casusbord/shared';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async () => ({
    status: 'ok',
    store: app.deps.store.kind,
    protocol: PROTOCOL_VERSION,
    uptimeSeconds: Math.round(process.uptime()),
  }));
}
