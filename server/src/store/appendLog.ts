import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';

/** One document update as the append log holds it. */
export interface LoggedAppend {
  seq: number;
  doc: string;
  update: Uint8Array;
}

/** Bytes before each record's body: its length and the CRC-32 of the body. */
const HEADER = 8;
/** Bytes of a body before the document name: seq (float64) and the name's length (uint16). */
const BODY_FIXED = 10;

/**
 * The file in front of the SQLite store's `doc_updates` (issue 14): a group commit of appends is
 * one `write` of its records at the end of this file, instead of an SQLite transaction with its
 * locks and page writes. A write that has returned is in the operating system's page cache, so it
 * survives the process being killed (kill -9), as a committed transaction in the WAL does with
 * synchronous=NORMAL; an OS crash may lose the last ones in both. The store moves the records into
 * `doc_updates` in one transaction every so many appends, and before any read, compaction or
 * deletion, then empties the file (SqliteStore.drainLog); a process that died before that leaves
 * the records here, and the next one moves them in when it opens the store (`recover`).
 *
 * Record: uint32 body length, uint32 CRC-32 of the body, then the body: float64 seq, uint16 length
 * of the document name, the name (UTF-8), the update. Reading stops at the first record that is
 * cut short or fails its checksum; nothing after it can have been acknowledged.
 *
 * The seqs are counted in memory, so one process at a time writes a database: the first store to
 * open it takes an exclusive lock (`<file>.lock`, held by an open SQLite transaction, released by
 * the kernel however the process ends) and a second process is refused. Stores of one process on
 * one file share one AppendLog (`acquire`), which keeps the seq counter and the records not yet moved.
 */
export class AppendLog {
  private static readonly open = new Map<string, AppendLog>();
  /** The records written here and not yet moved into doc_updates, in order; recovered ones first. */
  logged: LoggedAppend[];
  /** The last seq handed out (the store raises it to what the database holds when it opens). */
  seq = 0;
  private refs = 1;
  /** Bytes in the file: where a write that failed half way is cut back to. */
  private size: number;

  private constructor(
    private readonly key: string,
    private readonly fd: number,
    private readonly lock: Database.Database,
    recovered: LoggedAppend[],
  ) {
    this.logged = recovered;
    this.size = fs.fstatSync(fd).size;
  }

  /**
   * The append log of `file` for one more store of this process. The first one locks the file
   * against other processes (throws if one holds it) and picks up the records a killed process left.
   */
  static acquire(file: string): AppendLog {
    const key = path.resolve(file);
    const known = AppendLog.open.get(key);
    if (known) {
      known.refs++;
      return known;
    }
    const lock = new Database(`${key}.lock`);
    try {
      lock.pragma('busy_timeout = 0');
      lock.pragma('locking_mode = EXCLUSIVE');
      lock.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      lock.close();
      throw new Error(`another process is using ${path.dirname(key)} (${(err as Error).message}): one server per DATA_DIR`);
    }
    const recovered = AppendLog.recover(key);
    // O_APPEND: every write lands at the current end, also after the file was emptied.
    const log = new AppendLog(key, fs.openSync(key, 'a'), lock, recovered);
    AppendLog.open.set(key, log);
    return log;
  }

  /** The records an earlier process left in `file`, in order (none when it does not exist). */
  static recover(file: string): LoggedAppend[] {
    if (!fs.existsSync(file)) return [];
    const bytes = fs.readFileSync(file);
    const out: LoggedAppend[] = [];
    let at = 0;
    while (at + HEADER <= bytes.length) {
      const length = bytes.readUInt32LE(at);
      const end = at + HEADER + length;
      if (length < BODY_FIXED || end > bytes.length) break;
      const body = bytes.subarray(at + HEADER, end);
      if (zlib.crc32(body) !== bytes.readUInt32LE(at + 4)) break;
      const nameLength = body.readUInt16LE(8);
      if (BODY_FIXED + nameLength > body.length) break;
      out.push({
        seq: body.readDoubleLE(0),
        doc: body.toString('utf8', BODY_FIXED, BODY_FIXED + nameLength),
        update: new Uint8Array(body.subarray(BODY_FIXED + nameLength)),
      });
      at = end;
    }
    return out;
  }

  /** Writes the records in one system call (the group's "commit"); throws when the disk refuses. */
  append(items: readonly LoggedAppend[]): void {
    const names = items.map((item) => Buffer.from(item.doc, 'utf8'));
    let total = 0;
    items.forEach((item, i) => (total += HEADER + BODY_FIXED + names[i]!.length + item.update.byteLength));
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    items.forEach((item, i) => {
      const name = names[i]!;
      const length = BODY_FIXED + name.length + item.update.byteLength;
      const body = at + HEADER;
      out.writeDoubleLE(item.seq, body);
      out.writeUInt16LE(name.length, body + 8);
      name.copy(out, body + BODY_FIXED);
      out.set(item.update, body + BODY_FIXED + name.length);
      out.writeUInt32LE(length, at);
      out.writeUInt32LE(zlib.crc32(out.subarray(body, body + length)), at + 4);
      at = body + length;
    });
    // Called as fs.writeSync (not destructured), so a test can stop the process half way through.
    let written = 0;
    try {
      while (written < total) written += fs.writeSync(this.fd, out, written, total - written);
    } catch (err) {
      // A write refused half way (a full disk) must not leave half a record for the next to follow;
      // a failing call may have written some bytes without saying so.
      fs.ftruncateSync(this.fd, this.size);
      throw err;
    }
    this.size += total;
  }

  /** Empties the file, once its records are committed in SQLite. */
  clear(): void {
    fs.ftruncateSync(this.fd, 0);
    this.size = 0;
  }

  /** One store less; the last one closes the file and gives up the lock. */
  release(): void {
    if (--this.refs > 0) return;
    AppendLog.open.delete(this.key);
    fs.closeSync(this.fd);
    this.lock.close();
  }
}
