/**
 * What one persisted update costs the SQLite store, side by side with another revision of the
 * store: `npm run bench:store -- --against <git rev>` (default HEAD) checks that
 * revision out into a temporary worktree and probes both (bench/lib/storeProbe.ts) in alternating
 * order, at one append per event-loop turn (the 1,000-client load) and at ten. Writes nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { probeStore, type StoreProbe } from './lib/storeProbe';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { against: { type: 'string' }, appends: { type: 'string' }, runs: { type: 'string' } },
});
const against = values.against ?? 'HEAD';
const appends = Number(values.appends ?? 20000);
const runs = Number(values.runs ?? 3);

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'casusbord-store-rev-'));
execFileSync('git', ['worktree', 'add', '--detach', '-q', tree, against], { cwd: ROOT });
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const rows: string[] = [];
  for (const perTurn of [1, 10]) {
    const got: Record<'ours' | 'rev', StoreProbe[]> = { ours: [], rev: [] };
    for (let r = 0; r < runs; r++) {
      const order: ('ours' | 'rev')[] = r % 2 ? ['rev', 'ours'] : ['ours', 'rev'];
      for (const which of order) got[which].push(await probeStore(which === 'ours' ? ROOT : tree, appends, perTurn));
    }
    const cpu = (w: 'ours' | 'rev') => median(got[w].map((p) => p.cpuMicrosPerAppend));
    const busy = (w: 'ours' | 'rev') => median(got[w].map((p) => p.busyMicrosPerAppend));
    const p99 = (w: 'ours' | 'rev') => median(got[w].map((p) => p.turnMs.p99));
    rows.push(
      `| ${perTurn} | ${cpu('ours')} | ${cpu('rev')} | ×${(cpu('ours') / cpu('rev')).toFixed(2)} | ${busy('ours')} | ${busy('rev')} | ${p99('ours').toFixed(2)} | ${p99('rev').toFixed(2)} |`,
    );
  }
  console.log(
    `store cost, median of ${runs} alternating runs of ${appends} appends; ours = working tree, rev = ${against}\n`,
  );
  console.log(
    '| appends per turn | CPU µs/append ours | rev | ratio | event-loop busy µs ours | rev | turn p99 ms ours | rev |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
}
