import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'unit', include: ['tests/lib/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/components/**/*.test.ts', 'tests/view/**/*.test.ts'] } },
      { test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
