import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { bearerToken } from '../auth/Auth';
import { errorBody } from '../http/errors';
import type { Metrics } from './Metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time whatever the lengths (both sides are hashed to 32 bytes first). */
export function sameToken(sent: string, expected: string): boolean {
  return timingSafeEqual(digest(sent), digest(expected));
}

/**
 * `GET /metrics`: Prometheus text for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.
 * Without METRICS_TOKEN there are no metrics and the path is a JSON 404 (never the client's page).
 */
export function metricsRoute(app: FastifyInstance, metrics: Metrics | null, token: string | null): void {
  app.get('/metrics', async (request, reply) => {
    if (!metrics || !token) {
      return reply.status(404).send(errorBody('not_found', 'Metrics are off; set METRICS_TOKEN to turn them on'));
    }
    const sent = bearerToken(request.headers.authorization);
    if (typeof sent !== 'string' || !sameToken(sent, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send(errorBody('unauthorized', 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"'));
    }
    return reply
      .header('cache-control', 'no-store')
      .type(metrics.contentType)
      .send(await metrics.text());
  });
}
