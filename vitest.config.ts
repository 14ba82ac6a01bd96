import { defineConfig } from 'vitest/config';

/*
 * Two projects: `unit` (pure code, CDK assertions) needs no emulator and starts at once;
 * `integration` shares one moto_server, started by its global setup.
 * `npx vitest run --project unit` is the quick loop while editing.
 */
export default defineConfig({
  test: {
    // Generous because SDK retries back off for real and moto answers in tens of milliseconds each.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks, not threads: the AWS SDK reads process.env, which worker threads would share.
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/harness/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
