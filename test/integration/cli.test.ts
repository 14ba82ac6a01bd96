import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/cli-process.js';

describe('cost-watch CLI', () => {
  it('prints help for the program and for each command, exit 0', async () => {
    const [main, run, validate] = await Promise.all([
      runCliProcess(['--help']),
      runCliProcess(['run', '--help']),
      runCliProcess(['validate-config', '--help']),
    ]);

    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/npx cost-watch run <job>/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--allow-partial/);
    expect(run.stdout).toMatch(/monthly-report/);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/validate-config \[--config FILE\]/);
  });

  it('validates the example config shipped in the README', async () => {
    const { code, stdout } = await runCliProcess(['validate-config', '--config', 'cost-watch.config.example.json', '--json']);

    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.valid).toBe(true);
    expect(doc.config.idle.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('names the bad key and exits 2 for an invalid config', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cw-cli-')), 'bad.json');
    writeFileSync(file, '{"idle":{"cpuThresholdPct":500}}');

    const { code, stderr, stdout } = await runCliProcess(['validate-config', '--config', file]);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/idle\.cpuThresholdPct: expected at most 100/);
  });

  it('exits 2 on a missing command or job', async () => {
    const [none, noJob] = await Promise.all([runCliProcess([]), runCliProcess(['run'])]);

    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing command/);
    expect(noJob.code).toBe(2);
    expect(noJob.stderr).toMatch(/run: missing <job>/);
  });

  it('says how to provide AWS credentials when there are none, exit 1', async () => {
    const { code, stderr, stdout } = await runCliProcess(['run', 'daily-spend', '--date', '2026-11-20', '--json'], {
      env: { AWS_ENDPOINT_URL_COST_EXPLORER: 'http://127.0.0.1:9' },
    });

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Could not load credentials.*set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });
});
