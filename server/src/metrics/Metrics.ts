import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/Store';

/** Where a refusal happened: the board documents, the control sockets, or the HTTP API. */
export type RefusalPlane = 'yjs' | 'socket.io' | 'http';

/** What the gauges read at scrape time (nothing is counted per connection or per room). */
export interface MetricSources {
  yjsConnections(): number;
  socketConnections(): number;
  roomsLoaded(): number;
}

/** Persist latency buckets, seconds: a group commit takes well under a millisecond on SQLite. */
const PERSIST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The app's Prometheus metrics (issue 18), in a registry of its own (tests build several apps in
 * one process). Only made when METRICS_TOKEN is set. The per-update path costs one counter
 * increment when an update is handed to the store and, once stored, one more and one histogram
 * observation; everything else is read when Prometheus scrapes.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly applied: Counter;
  private readonly persisted: Counter;
  private readonly persistSeconds: Histogram;
  private readonly refusals: Counter<'plane' | 'reason'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    // Process metrics, among them nodejs_eventloop_lag_seconds and the event-loop delay percentiles.
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'casusbord_connections',
      help: 'Open connections per plane: yjs (board documents) and socket.io (control)',
      labelNames: ['plane'],
      registers,
      collect() {
        this.set({ plane: 'yjs' }, sources.yjsConnections());
        this.set({ plane: 'socket.io' }, sources.socketConnections());
      },
    });
    new Gauge({
      name: 'casusbord_rooms_loaded',
      help: 'Board documents loaded in memory on this instance',
      registers,
      collect() {
        this.set(sources.roomsLoaded());
      },
    });
    this.applied = new Counter({
      name: 'casusbord_updates_applied_total',
      help: 'Document updates applied in memory and handed to the store',
      registers,
    });
    this.persisted = new Counter({
      name: 'casusbord_updates_persisted_total',
      help: 'Document updates the store has confirmed as stored',
      registers,
    });
    this.persistSeconds = new Histogram({
      name: 'casusbord_persist_seconds',
      help: 'Time from handing an update to the store until it is stored (group commit included)',
      buckets: PERSIST_BUCKETS,
      registers,
    });
    this.refusals = new Counter({
      name: 'casusbord_refusals_total',
      help: 'Refused or undone requests by plane and reason: write policy, content limits, connection caps, rate limits',
      labelNames: ['plane', 'reason'],
      registers,
    });
  }

  /** Counts a refusal by its kind: a code, or a permission-denied reason (`not_allowed: …` → `not_allowed`). */
  refused(plane: RefusalPlane, reason: string): void {
    this.refusals.inc({ plane, reason: reasonCode(reason) });
  }

  /**
   * The store as the document rooms use it: appendUpdate counted and timed, every other member
   * the store's own. A Proxy rather than a wrapper class, so that the Store interface can grow
   * without this file; the rooms call nothing on it per update but appendUpdate.
   */
  meterStore(store: Store): Store {
    const append = (docName: string, update: Uint8Array): Promise<number> => {
      const started = performance.now();
      this.applied.inc();
      return store.appendUpdate(docName, update).then((seq) => {
        this.persisted.inc();
        this.persistSeconds.observe((performance.now() - started) / 1000);
        return seq;
      });
    };
    return new Proxy(store, {
      get: (target, prop) => (prop === 'appendUpdate' ? append : Reflect.get(target, prop, target)),
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The refusal kind of a permission-denied reason (`not_allowed: …` → `not_allowed`); a code as it is. */
function reasonCode(reason: string): string {
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}
