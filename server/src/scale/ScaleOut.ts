import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Config } from '../config';
import { createRedisClient } from '../store/redisClient';
import { RedisStore } from '../store/RedisStore';
import type { Store } from '../store/Store';
import { DocSync } from './DocSync';
import { withLock } from './locks';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** A change of a session's control state holds its lock at most this long (then it frees itself), ms. */
const SESSION_LOCK_HOLD_MS = 15000;
/** How long a change waits for another instance's change of the same session, ms. */
const SESSION_LOCK_WAIT_MS = 10000;

/** How long a disconnected Socket.io client can come back and get the events it missed, ms. */
const RECOVERY_WINDOW_MS = 2 * 60 * 1000;

/**
 * Everything that lets several instances serve the same sessions through one Redis:
 * the content plane (DocSync: Yjs updates and awareness per document) and the control plane
 * (the Socket.io Redis Streams adapter). Created by buildApp only when REDIS_URL is set.
 */
export class ScaleOut {
  /** Unique per process even when INSTANCE_ID is reused after a restart (it tags our messages). */
  readonly instanceId: string;
  readonly docs: DocSync;
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    private readonly config: Config,
    store: Store,
    log: Log,
  ) {
    if (!config.redisUrl || !(store instanceof RedisStore)) {
      // Sequence numbers, the seq probe and the shared log all assume the Redis store.
      throw new Error('Scale-out needs the Redis store: set REDIS_URL');
    }
    this.instanceId = `${config.instanceId}:${randomBytes(4).toString('hex')}`;
    this.pub = createRedisClient(config.redisUrl, `casusbord-pub:${config.instanceId}`, log);
    this.sub = createRedisClient(config.redisUrl, `casusbord-sub:${config.instanceId}`, log, { autoResubscribe: false });
    this.docs = new DocSync({ instanceId: this.instanceId, prefix: config.redisPrefix, pub: this.pub, sub: this.sub, store, log });
  }

  /**
   * Socket.io options for the control plane. The Streams adapter (not the pub/sub one) because
   * its stream survives a Redis blip — instances resume reading where they stopped — and it keeps
   * what connection state recovery needs: a client that reconnects, to any instance, within
   * RECOVERY_WINDOW_MS gets the room broadcasts (session:state, presence) it missed.
   */
  socketOptions(): Partial<ServerOptions> {
    const prefix = this.config.redisPrefix;
    return {
      adapter: createAdapter(this.pub, {
        streamName: `${prefix}socket.io`,
        channelPrefix: `${prefix}socket.io`,
        sessionKeyPrefix: `${prefix}socket.io:session:`,
      }),
      // Middlewares run again on recovery, so a revoked token is not let back in.
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    };
  }

  /**
   * Runs one read-modify-write of a session's control state while no other instance runs one
   * (SessionControl serialises them within a process; this extends that across instances).
   */
  readonly sessionLock = <T>(sessionId: string, fn: () => Promise<T>): Promise<T> =>
    withLock(this.pub, `${this.config.redisPrefix}lock:session:${sessionId}`, { holdMs: SESSION_LOCK_HOLD_MS, waitMs: SESSION_LOCK_WAIT_MS }, fn);

  async close(): Promise<void> {
    this.docs.close();
    await Promise.all(
      [this.pub, this.sub].map((client) =>
        client.status === 'ready' ? client.quit().then(() => undefined, () => client.disconnect()) : client.disconnect(),
      ),
    );
  }
}
