import { defineConfig } from 'vitest/config';

// The end-to-end suite (npm run test:e2e): real editors, one at a time.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
