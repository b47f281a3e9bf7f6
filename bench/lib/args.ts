import { parseArgs } from 'node:util';

/** Command-line options of `npm run bench -- …`; defaults fit a run of about two minutes on 2 cores. */

export interface BenchOptions {
  rooms: number;
  clients: number;
  durationS: number;
  warmupS: number;
  workers: number;
  repeat: number;
  joins: number;
  coldJoins: number;
  exportRepeats: number;
  quietWaitS: number;
  awareness: boolean;
  build: boolean;
  only: 'ours' | 'reference' | null;
  skipJoin: boolean;
  skipExports: boolean;
  skipClient: boolean;
  scale: boolean;
  profile: boolean;
  outDir: string;
  /** Appended to the result file names: <date>-<tag>.json. */
  tag: string | null;
  /** Run our server from another working tree (A/B of a change); default this repository. */
  oursDir: string | null;
  help: boolean;
}

export const USAGE = `npm run bench -- [options]

  --rooms N        rooms (documents) under load            default 125
  --clients N      clients per room (ours: ≤ 40)           default 8
  --duration S     measured seconds of editing             default 30
  --warmup S       seconds of editing before measuring     default 5
  --workers N      load-generator worker threads           default 2
  --repeat N       runs per server, alternating the order  default 1
  --joins N        warm joins of the 500-card board        default 15
  --cold-joins N   ours: joins after the room was released default 3
  --quiet-wait S   before each load, wait up to S s for other processes
                   to use < half a core (shared machine)   default 45
  --no-awareness   clients announce no awareness state
  --no-build       measure client/dist as it is (no fresh vite build into a temp folder)
  --only ours|reference
  --skip-join --skip-exports --skip-client
  --scale          two instances of ours on one Redis against one instance (needs REDIS_URL support)
  --profile        ours only, under node --cpu-prof; writes a hot-function summary
  --out DIR        where results go                        default bench/results
  --tag NAME       write <date>-NAME.json/.md/.svg instead of <date>.*
  --ours-dir DIR   run our server from another working tree, to A/B a change
`;

function int(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rooms: { type: 'string' },
      clients: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      workers: { type: 'string' },
      repeat: { type: 'string' },
      joins: { type: 'string' },
      'cold-joins': { type: 'string' },
      'export-repeats': { type: 'string' },
      'quiet-wait': { type: 'string' },
      'no-awareness': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      only: { type: 'string' },
      'skip-join': { type: 'boolean' },
      'skip-exports': { type: 'boolean' },
      'skip-client': { type: 'boolean' },
      scale: { type: 'boolean' },
      profile: { type: 'boolean' },
      out: { type: 'string' },
      'ours-dir': { type: 'string' },
      tag: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.tag !== undefined && !/^[A-Za-z0-9_-]{1,40}$/.test(values.tag)) throw new Error('--tag must be letters, digits, - or _');
  if (values.only !== undefined && values.only !== 'ours' && values.only !== 'reference') {
    throw new Error('--only must be ours or reference');
  }
  return {
    rooms: int(values.rooms, 'rooms', 125, 1, 2000),
    // Our sessions take 40 participants plus the host.
    clients: int(values.clients, 'clients', 8, 2, 41),
    durationS: int(values.duration, 'duration', 30, 2, 1800),
    warmupS: int(values.warmup, 'warmup', 5, 0, 300),
    workers: int(values.workers, 'workers', 2, 1, 16),
    repeat: int(values.repeat, 'repeat', 1, 1, 10),
    joins: int(values.joins, 'joins', 15, 1, 200),
    coldJoins: int(values['cold-joins'], 'cold-joins', 3, 0, 50),
    exportRepeats: int(values['export-repeats'], 'export-repeats', 5, 1, 50),
    quietWaitS: int(values['quiet-wait'], 'quiet-wait', 45, 0, 600),
    awareness: !values['no-awareness'],
    build: !values['no-build'],
    only: (values.only as BenchOptions['only']) ?? null,
    skipJoin: values['skip-join'] ?? false,
    skipExports: values['skip-exports'] ?? false,
    skipClient: values['skip-client'] ?? false,
    scale: values.scale ?? false,
    profile: values.profile ?? false,
    outDir: values.out ?? 'bench/results',
    oursDir: values['ours-dir'] ?? null,
    tag: values.tag ?? null,
    help: values.help ?? false,
  };
}
