// Test-only: loaded into a spawned server with NODE_OPTIONS=--import (tests/integration/exceptionPolicy.test.ts),
// never part of the product. On SIGUSR2 it throws (or rejects, with CASUSBORD_TEST_FAULT=reject) outside
// any handler, the way an unknown bug would, so the real exception policy in server/src/main.ts runs.
process.on('SIGUSR2', () => {
  setImmediate(() => {
    if (process.env.CASUSBORD_TEST_FAULT === 'reject') void Promise.reject(new Error('injected rejection'));
    else throw new Error('injected exception');
  });
});
