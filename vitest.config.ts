import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
    // Two cores: run two files at a time so browser and crash tests do not starve each other.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
