import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import helmet from '@fastify/helmet';
import { AppError, LIMITS, type SessionState } from '@casusbord/shared';
import { Auth } from './auth/Auth';
import type { Config } from './config';
import { ControlPlane } from './control/ControlPlane';
import { SessionStates } from './control/SessionStates';
import { clientErrorHandler, errorBody, frameworkErrors, registerErrorHandling } from './http/errors';
import { healthRoutes } from './http/health';
import { isOriginAllowed } from './http/origin';
import { refuseSocket } from './http/rawReply';
import { sessionRoutes } from './http/sessionRoutes';
import { hostRoutes } from './http/hostRoutes';
import { cohostRoutes } from './http/cohostRoutes';
import { auditRoutes } from './http/auditRoutes';
import { communityRoutes } from './http/communityRoutes';
import { buddyRoutes } from './http/buddyRoutes';
import { registerPrincipal } from './http/principal';
import { reportRoutes } from './http/reportRoutes';
import { photoRoutes } from './http/photoRoutes';
import { privateNoteRoutes } from './http/privateNoteRoutes';
import type { Metrics } from './metrics/Metrics';
import { metricsRoute } from './metrics/metricsRoute';
import { startRetention } from './sessions';
import { createStore } from './store/createStore';
import type { Store } from './store/Store';
import { DocRegistry } from './yjs/DocRegistry';
import { YJS_PREFIX, YjsRoute } from './yjs/YjsRoute';

export interface AppDeps {
  config: Config;
  store: Store;
  auth: Auth;
  registry: DocRegistry;
  control: ControlPlane;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/**
 * Removes tokens from a URL before it is logged: `?token=…`, `/r/<token>`, `/api/reports/<token>`;
 * and a photo's caption (people's words, which the logs would keep past the session's retention).
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(token|caption)=[^&]+/g, '$1=[redacted]')
    .replace(/^\/(r|api\/reports)\/[^/?#]+/, '/$1/[redacted]');
}

/** Control characters (C0, DEL, C1) are in no page's path. */
const CONTROL = /\p{Cc}/u;

/**
 * Whether a path can be one of the client's pages (answered with index.html): it decodes, has no
 * control characters, no `.`/`..` segment and no encoded slash. Anything else is a JSON 404.
 */
export function isPagePath(path: string): boolean {
  if (/%2f|%5c/i.test(path)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (CONTROL.test(decoded)) return false;
  return !decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..');
}

/** The HTTP error codes /metrics counts as refusals. */
const HTTP_REFUSALS: ReadonlySet<string> = new Set([
  'unauthorized',
  'rate_limited',
  'session_full',
  'payload_too_large',
]);

/** With several instances: how old a cached session state may be before the policy reads it again, ms. */
const STATE_MAX_AGE_SCALED_MS = 1000;

/** Fastify's compiler factories for JSON schemas, which this server does not use (see buildApp). */
function noJsonSchemas(): () => never {
  return () => {
    throw new Error('routes here declare no JSON schema: validate with zod (withValidation)');
  };
}

export interface BuildOptions {
  /** Use this store instead of creating one from the config (tests, tools); closed with the app. */
  store?: Store;
}

/**
 * Builds the whole app without listening: HTTP API, the built client, the /yjs WebSocket route and
 * Socket.io, all on one HTTP server. Only main.ts listens.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Tokens travel in query strings (/yjs) and headers; never log them.
      redact: ['req.headers.authorization', 'req.query.token'],
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
      },
    },
    bodyLimit: LIMITS.httpBodyBytes,
    trustProxy: config.trustProxy,
    // Path params are ids and tokens (≤ 64 characters); longer ones are `414 uri_too_long`.
    routerOptions: { maxParamLength: 100 },
    // The router's and Node's refusals (bad percent-encoding, unparseable requests) in our shape.
    frameworkErrors,
    clientErrorHandler,
    // Node would answer a missing Host with an empty 400; an onRequest hook answers in our shape.
    http: { requireHostHeader: false },
    // Requests are checked with zod (withValidation, shared/src/protocol/schemas.ts) and no route
    // declares a JSON schema, so Fastify's own compilers (ajv and fast-json-stringify, some 300
    // modules held in memory) are never loaded; a route given one fails when it is registered.
    schemaController: { compilersFactory: { buildValidator: noJsonSchemas, buildSerializer: noJsonSchemas } },
  });
  const log = app.log;
  const store = options.store ?? (await createStore(config, log));
  const auth = new Auth(store);
  // Several instances on one Redis: documents and Socket.io rooms are shared through it.
  const scale = config.redisUrl ? new (await import('./scale/ScaleOut')).ScaleOut(config, store, log) : null;
  // What each table's round allows, for the write policy on /yjs. Alone, this instance makes every
  // change itself; with others, a state older than a second is read again from the store.
  const states: SessionStates = new SessionStates(
    (sessionId): Promise<SessionState | null> => control.stateOf(sessionId).catch(() => null),
    scale ? STATE_MAX_AGE_SCALED_MS : Infinity,
  );
  // Issue 18: only with METRICS_TOKEN; the gauges read the planes when Prometheus scrapes. prom-client
  // is loaded only then (about 0.5 MB of heap that a server without metrics does not carry).
  const metrics: Metrics | null = config.metricsToken
    ? new (await import('./metrics/Metrics')).Metrics({
        yjsConnections: () => yjs.openConnections,
        socketConnections: () => control.io?.of('/').sockets.size ?? 0,
        roomsLoaded: () => registry.loadedCount,
      })
    : null;
  const registry: DocRegistry = new DocRegistry(metrics ? metrics.meterStore(store) : store, {
    compactAfterUpdates: config.compactAfterUpdates,
    idleMs: config.docIdleMs,
    log,
    sync: scale?.docs,
    states,
    refused: metrics ? (reasons) => reasons.forEach((r) => metrics.refused('yjs', r)) : undefined,
  });
  const control: ControlPlane = new ControlPlane({
    config,
    auth,
    store,
    registry,
    log,
    scale,
    states,
    refused: metrics ? (reason) => metrics.refused('socket.io', reason) : undefined,
  });
  app.decorate('deps', { config, store, auth, registry, control });

  registerErrorHandling(app);
  registerPrincipal(app);
  // Security headers on every response. The client is one same-origin bundle: no inline scripts,
  // sockets to its own origin, QR codes as data: images; React style attributes need inline styles.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Reports are opened from e-mail links; the default same-origin referrer policy is kept.
    crossOriginEmbedderPolicy: false,
  });

  // HTTP/1.1 requires a Host header (RFC 9112 §3.2); Node's own check, turned off above, sends no body.
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      return reply.status(400).send(errorBody('bad_request', 'An HTTP/1.1 request must send a Host header'));
    }
  });
  // Browser pages from other origins may not call the API (no CORS headers are ever sent).
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!isOriginAllowed(config, request.headers.origin, request.headers.host)) {
      return reply.status(403).send(errorBody('forbidden', 'Requests from this origin are not allowed'));
    }
  });

  // Refusals of the HTTP API by limit (rate, size, full session) and bad tokens, for /metrics.
  if (metrics) {
    app.addHook('onError', async (_request, _reply, err) => {
      const code = err instanceof AppError ? err.code : err.statusCode === 413 ? 'payload_too_large' : null;
      if (code && HTTP_REFUSALS.has(code)) metrics.refused('http', code);
    });
  }
  metricsRoute(app, metrics, config.metricsToken);
  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(hostRoutes);
  await app.register(cohostRoutes);
  await app.register(auditRoutes);
  await app.register(communityRoutes);
  await app.register(buddyRoutes);
  await app.register(photoRoutes);
  await app.register(privateNoteRoutes);
  // The report routes lock and unlock sessions; the control plane tells the sockets.
  await app.register(reportRoutes, {
    announceLock: (sessionId, locked, state) => control.announceLock(sessionId, locked, state),
  });

  const indexHtml = path.join(config.clientDist, 'index.html');
  const hasClient = fs.existsSync(indexHtml);
  if (hasClient) {
    await app.register(fastifyStatic, { root: config.clientDist, wildcard: false, index: false });
  } else {
    app.log.warn({ clientDist: config.clientDist }, 'client build not found; run `npm run build` to serve the UI');
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const urlPath = url.split('?')[0] ?? '';
    const isAsset = url.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(urlPath);
    // A missing file (e.g. an old hashed bundle after a rebuild) is a 404, not the app's HTML.
    if (
      request.method !== 'GET' ||
      isAsset ||
      !isPagePath(urlPath) ||
      url.startsWith('/api/') ||
      url.startsWith(YJS_PREFIX) ||
      url.startsWith('/socket.io')
    ) {
      return reply.status(404).send(errorBody('not_found', `No route ${request.method} ${urlPath.slice(0, 200)}`));
    }
    if (!hasClient) {
      return reply.status(404).send(errorBody('not_found', 'The client is not built; run `npm run build`'));
    }
    // Client-side routes (/s/…, /join/…) all load the single-page app.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });

  const yjs: YjsRoute = new YjsRoute({
    config,
    auth,
    registry,
    log,
    states,
    refused: metrics ? (reason) => metrics.refused('yjs', reason) : undefined,
  });
  yjs.attach(app.server);
  control.attach(app.server);
  // Upgrades that neither /yjs nor Socket.io claim are refused instead of left hanging.
  app.server.on('upgrade', (req, socket) => {
    const url = req.url ?? '';
    if (!url.startsWith(YJS_PREFIX) && !url.startsWith('/socket.io/')) {
      refuseSocket(socket, 404, 'not_found', 'No WebSocket route at this path');
    }
  });

  // Open WebSockets would keep server.close() waiting; end them first, then write final snapshots.
  app.addHook('preClose', async () => {
    await Promise.all([yjs.close(), control.close()]);
    await registry.closeAll();
  });
  const stopRetention = startRetention(app.deps, log);
  app.addHook('onClose', async () => {
    stopRetention();
    await scale?.close();
    await store.close();
  });
  return app;
}
