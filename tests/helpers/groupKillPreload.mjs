// Test-only: loaded into a spawned server with NODE_OPTIONS=--import (tests/integration/groupCrash.test.ts),
// never part of the product. It watches the store's append log (server/src/store/appendLog.ts) from
// the outside: when the store writes the CASUSBORD_TEST_KILL_GROUP-th group commit holding at least
// two appends, only the first half of that group's records reach the file, then half of the next
// record (a torn write), and the process kills itself with SIGKILL before the write returns — the
// worst moment for a group commit.
import fs from 'node:fs';

const target = Number(process.env.CASUSBORD_TEST_KILL_GROUP);

if (Number.isInteger(target) && target > 0) {
  let groups = 0;
  const logFds = new Set();

  const openSync = fs.openSync;
  fs.openSync = function (file, ...rest) {
    const fd = openSync.call(this, file, ...rest);
    if (String(file).endsWith('-appends')) logFds.add(fd);
    return fd;
  };

  /** Where each record of a buffer of the log's records ends (uint32 length + 4 bytes CRC + body). */
  const recordEnds = (buffer, from, to) => {
    const ends = [];
    for (let at = from; at + 8 <= to; ) {
      at += 8 + buffer.readUInt32LE(at);
      ends.push(at);
    }
    return ends;
  };

  const writeSync = fs.writeSync;
  fs.writeSync = function (fd, buffer, offset = 0, length, ...rest) {
    if (!logFds.has(fd) || !Buffer.isBuffer(buffer)) return writeSync.call(this, fd, buffer, offset, length, ...rest);
    const end = offset + (length ?? buffer.length - offset);
    const ends = recordEnds(buffer, offset, end);
    if (ends.length >= 2 && ++groups === target) {
      const half = Math.floor(ends.length / 2);
      const cut = ends[half - 1] + Math.floor((ends[half] - ends[half - 1]) / 2);
      writeSync.call(this, fd, buffer, offset, cut - offset);
      process.stderr.write(`group-kill: SIGKILL after ${half} of ${ends.length} appends of group ${target}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
    return writeSync.call(this, fd, buffer, offset, length, ...rest);
  };
}
