// Test-only: loaded into a spawned server with NODE_OPTIONS=--import (tests/integration/groupCrash.test.ts),
// never part of the product. It watches better-sqlite3 from the outside: when the store writes the
// CASUSBORD_TEST_KILL_GROUP-th group commit holding at least two appends, the process kills itself
// with SIGKILL after half of that group's rows are inserted and before the transaction commits —
// the worst moment for a group commit.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const target = Number(process.env.CASUSBORD_TEST_KILL_GROUP);

if (Number.isInteger(target) && target > 0) {
  let groups = 0;
  /** The group being written: its size and how many of its rows are in, or null. */
  let current = null;

  const transaction = Database.prototype.transaction;
  Database.prototype.transaction = function (fn) {
    const run = transaction.call(this, fn);
    const watched = (variant) =>
      function (...args) {
        const items = args[0];
        const isGroup = Array.isArray(items) && items.length >= 2 && Array.isArray(items[0]) && items[0][1] instanceof Uint8Array;
        if (!isGroup) return variant.apply(this, args);
        groups++;
        current = groups === target ? { size: items.length, inserted: 0 } : null;
        try {
          return variant.apply(this, args);
        } finally {
          current = null;
        }
      };
    const wrapped = watched(run);
    for (const mode of ['deferred', 'immediate', 'exclusive']) wrapped[mode] = watched(run[mode]);
    return wrapped;
  };

  const probe = new Database(':memory:');
  const Statement = Object.getPrototypeOf(probe.prepare('SELECT 1'));
  probe.close();
  const statementRun = Statement.run;
  Statement.run = function (...args) {
    const result = statementRun.apply(this, args);
    if (current && this.source.startsWith('INSERT INTO doc_journal')) {
      current.inserted++;
      if (current.inserted === Math.floor(current.size / 2)) {
        process.stderr.write(`group-kill: SIGKILL after ${current.inserted} of ${current.size} appends of group ${target}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
    }
    return result;
  };
}
