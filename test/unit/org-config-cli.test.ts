import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cw-org-config-'));
let n = 0;
function file(config: unknown): string {
  const path = join(dir, `config-${++n}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const ROUTE = { accounts: ['111111111111'], slack: { channel: '#team-data' } };

/** No AWS endpoint is set: exit 2 must come before any AWS call (a call would fail with exit 1). */
describe('organization and routes config at the CLI', () => {
  it.each([
    [
      'a malformed account id',
      { organization: { accounts: ['11111111111x'] } },
      /organization\.accounts\[0\]: expected a 12-digit AWS account id/,
    ],
    ['an empty accounts array', { organization: { accounts: [] } }, /organization\.accounts: expected at least one account id/],
    ['a malformed excluded id', { organization: { excludeAccounts: ['123'] } }, /organization\.excludeAccounts\[0\]: expected a 12-digit/],
    ['a route without accounts', { notify: { routes: [{ slack: { channel: '#x' } }] } }, /notify\.routes\[0\]\.accounts/],
    [
      'a route with an empty accounts array',
      { notify: { routes: [{ ...ROUTE, accounts: [] }] } },
      /notify\.routes\[0\]\.accounts: expected at least one account id/,
    ],
    [
      'a route without a destination',
      { notify: { routes: [ROUTE, { accounts: ['222222222222'] }] } },
      /notify\.routes\[1\]: expected at least one destination: slack or alertTopicArn/,
    ],
    [
      'a route with a malformed id',
      { notify: { routes: [{ ...ROUTE, accounts: ['1'] }] } },
      /notify\.routes\[0\]\.accounts\[0\]: expected a 12-digit/,
    ],
    [
      'routes without a default destination',
      { notify: { routes: [ROUTE] } },
      /notify: expected a default destination \(notify\.slack or notify\.alertTopicArn\)/,
    ],
  ])('exits 2 naming the key path for %s, in validate-config and in a run', async (_what, config, message) => {
    const path = file(config);

    const [validate, run] = await Promise.all([
      runCli(['validate-config', '--config', path]),
      runCli(['run', 'budgets', '--config', path, '--json'], {
        env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
      }),
    ]);

    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('accepts the contract examples', async () => {
    const path = file({
      organization: { accounts: 'all', excludeAccounts: [], roleName: 'cost-watch-read', concurrency: 16 },
      notify: {
        slack: { channel: '#cost-alerts' },
        routes: [{ ...ROUTE, alertTopicArn: 'arn:aws:sns:us-east-1:123456789012:team-data', continue: false }],
      },
    });

    const { code, stdout } = await runCli(['validate-config', '--config', path, '--json']);

    expect(code).toBe(0);
    expect(JSON.parse(stdout).config.notify.routes[0].continue).toBe(false);
  });
});
