import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Generous because SDK retries back off for real and moto answers in tens of milliseconds each.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks, not threads: the AWS SDK reads process.env, which worker threads would share.
    pool: 'forks',
  },
});
