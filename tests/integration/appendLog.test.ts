import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppendLog } from '../../server/src/store/appendLog';
import { SqliteStore } from '../../server/src/store/SqliteStore';
import { ROOT, tempDataDir } from '../helpers/server';

/**
 * The SQLite store's append log (server/src/store/appendLog.ts): what a killed process leaves in
 * it is read back up to the first damaged record, moved into the database by the next process,
 * and only one process at a time may write a database.
 */
const records = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => {
    const seq = from + i;
    return { seq, doc: `sessie${seq % 3}.t1`, update: new Uint8Array([seq, 255 - seq, 7]) };
  });

const opened: (AppendLog | SqliteStore)[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    if (o instanceof SqliteStore) await o.close();
    else o.release();
  }
});

describe('append log', () => {
  it('reads back what was written, and stops at a record cut short or failing its checksum', () => {
    const file = path.join(tempDataDir(), 'db.sqlite-appends');
    const log = AppendLog.acquire(file);
    opened.push(log);
    log.append(records(3));
    log.append(records(2, 4));
    expect(AppendLog.recover(file)).toEqual(records(5));

    // A torn write: half of one more record.
    const whole = fs.readFileSync(file);
    fs.appendFileSync(file, whole.subarray(0, 9));
    expect(AppendLog.recover(file)).toEqual(records(5));

    // A flipped byte in the third record's update: the first two are all that can be trusted.
    const damaged = Buffer.from(whole);
    const third = whole.length / 5;
    damaged[third * 3 - 1]! ^= 0xff;
    fs.writeFileSync(file, damaged);
    expect(AppendLog.recover(file)).toEqual(records(2));

    log.clear();
    expect(fs.statSync(file).size).toBe(0);
    expect(AppendLog.recover(file)).toEqual([]);
  });

  it('cuts a write that failed half way back, so the next records are not lost behind it', () => {
    const file = path.join(tempDataDir(), 'db.sqlite-appends');
    const log = AppendLog.acquire(file);
    opened.push(log);
    log.append(records(2));
    const write = fs.writeSync;
    // A disk that takes part of the write and then refuses the rest.
    const refuseHalf = (fd: number, buffer: Buffer, offset: number, length: number): number => {
      write(fd, buffer, offset, Math.floor(length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const spy = vi.spyOn(fs, 'writeSync').mockImplementationOnce(refuseHalf as unknown as typeof fs.writeSync);
    try {
      expect(() => log.append(records(2, 3))).toThrow(/ENOSPC/);
    } finally {
      spy.mockRestore();
    }
    log.append(records(2, 5));
    expect(AppendLog.recover(file)).toEqual([...records(2), ...records(2, 5)]);
  });

  it('a store opened on what a killed process left finds every append that was written', async () => {
    const dir = tempDataDir();
    const store = new SqliteStore(path.join(dir, 'casusbord.sqlite'));
    opened.push(store);
    const sent = Array.from({ length: 40 }, (_, i) => new Uint8Array([i, 1, 2]));
    for (const update of sent) await store.appendUpdate('sessie.t1', update);
    // The files as a kill -9 now would leave them: 40 appends in the log, none moved into SQLite yet.
    const copy = tempDataDir();
    for (const name of ['casusbord.sqlite', 'casusbord.sqlite-wal', 'casusbord.sqlite-appends']) {
      fs.copyFileSync(path.join(dir, name), path.join(copy, name));
    }
    expect(AppendLog.recover(path.join(copy, 'casusbord.sqlite-appends'))).toHaveLength(40);
    const after = new SqliteStore(path.join(copy, 'casusbord.sqlite'));
    opened.push(after);
    const loaded = await after.loadDoc('sessie.t1');
    expect(loaded.updates.map((u) => [...u])).toEqual(sent.map((u) => [...u]));
    // Moved in, and the log emptied; new appends continue after the recovered seqs.
    expect(fs.statSync(path.join(copy, 'casusbord.sqlite-appends')).size).toBe(0);
    expect(await after.appendUpdate('sessie.t1', new Uint8Array([9]))).toBe(loaded.lastSeq + 1);
  });

  it('reads rows of one update (written before the log) and packed rows of a drain in one order', async () => {
    const file = path.join(tempDataDir(), 'casusbord.sqlite');
    let store = new SqliteStore(file);
    await store.close();
    // Two rows as a store before the append log wrote them: one update each, not packed.
    const raw = new Database(file);
    raw.prepare('INSERT INTO doc_updates (seq, doc, data) VALUES (?, ?, ?)').run(1, 'sessie.t1', Buffer.from([1]));
    raw.prepare('INSERT INTO doc_updates (seq, doc, data) VALUES (?, ?, ?)').run(2, 'sessie.t1', Buffer.from([2]));
    raw.close();
    store = new SqliteStore(file);
    opened.push(store);
    const seqs: number[] = [];
    for (const n of [3, 4, 5]) seqs.push(await store.appendUpdate('sessie.t1', new Uint8Array([n])));
    expect(seqs).toEqual([3, 4, 5]);
    let loaded = await store.loadDoc('sessie.t1');
    expect(loaded.updates.map((u) => [...u])).toEqual([[1], [2], [3], [4], [5]]);
    expect(loaded.lastSeq).toBe(5);
    // A snapshot through seq 4 leaves the packed row (seq 5) in place; only update 5 is read from it.
    await store.compactDoc('sessie.t1', new Uint8Array([0]), 4);
    loaded = await store.loadDoc('sessie.t1');
    expect(loaded.updates.map((u) => [...u])).toEqual([[5]]);
    expect(loaded.lastSeq).toBe(5);
  });

  it('refuses a second process on the same database while the first has it open', async () => {
    const file = path.join(tempDataDir(), 'casusbord.sqlite');
    const store = new SqliteStore(file);
    opened.push(store);
    const code = `
      const { SqliteStore } = await import(${JSON.stringify(path.join(ROOT, 'server/src/store/SqliteStore.ts'))});
      try { new SqliteStore(${JSON.stringify(file)}); console.log('opened'); }
      catch (err) { console.log('refused: ' + err.message); }`;
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(run().stdout).toMatch(/^refused: another process is using .* one server per DATA_DIR/);
    await store.close();
    opened.length = 0;
    expect(run().stdout.trim()).toBe('opened');
  });
});
