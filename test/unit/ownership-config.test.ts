import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, parseConfig } from '../../shared/config/load.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { runCli } from '../support/cli.js';
import { configErrorOf as messageOf } from '../support/config-errors.js';

const topic = 'arn:aws:sns:us-east-1:123456789012:team-web';

describe('ownership config', () => {
  it('defaults to the "team" tag and no teams', () => {
    expect(parseConfig({}).ownership).toEqual({ tags: ['team'], teams: {} });
  });

  it('accepts the contract example: a team with Slack, a team with a topic, a team with both', () => {
    const teams = {
      data: { slack: { channel: '#team-data' } },
      web: { alertTopicArn: topic },
      ops: { slack: { channel: '#ops' }, alertTopicArn: topic },
    };
    expect(parseConfig({ ownership: { tags: ['team', 'env'], teams } }).ownership).toEqual({ tags: ['team', 'env'], teams });
  });

  it.each([
    [{ ownership: { tags: [] } }, 'ownership.tags:', 'at least one tag key'],
    [{ ownership: { tags: 'team' } }, 'ownership.tags:', 'array of tag keys'],
    [{ ownership: { tags: ['team', ''] } }, 'ownership.tags[1]:', 'tag key'],
    [{ ownership: { tags: ['team', 'team'] } }, 'ownership.tags:', 'each tag key once'],
    [{ ownership: { teams: { data: {} } } }, 'ownership.teams.data:', 'at least one destination'],
    [{ ownership: { teams: { web: { alertTopicArn: 'nope' } } } }, 'ownership.teams.web.alertTopicArn:', 'SNS topic ARN'],
    [{ ownership: { teams: { data: { slack: {} } } } }, 'ownership.teams.data.slack.channel:', 'channel'],
    [{ ownership: { teams: { data: { slack: { channel: '#d' }, email: 'x' } } } }, 'ownership.teams.data.email:', 'unknown key'],
    [{ ownership: { teams: [] } }, 'ownership.teams:', 'mapping team tag values'],
    [{ ownership: { team: ['x'] } }, 'ownership.team:', 'unknown key'],
  ])('rejects %j naming %s (exit 2)', (raw, path, expected) => {
    const message = messageOf(raw);
    expect(message).toContain(path);
    expect(message).toContain(expected);
  });

  it('is refused in the Lambda config too, naming the team', () => {
    const load = () => configFromEnv({ COST_WATCH_CONFIG: JSON.stringify({ ownership: { teams: { data: {} } } }) });
    expect(load).toThrow(expect.objectContaining({ code: ERROR_CODES.config }));
    expect(load).toThrow(/ownership\.teams\.data: expected at least one destination/);
  });
});

/** No AWS endpoint answers: exit 2 must come before any AWS call (a call would fail with exit 1). */
describe('ownership config at the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cw-ownership-config-'));
  it.each([
    ['empty tags', { ownership: { tags: [] } }, /ownership\.tags: expected at least one tag key/],
    ['a team without a destination', { ownership: { teams: { data: {} } } }, /ownership\.teams\.data: expected at least one destination/],
    ['an unknown key', { ownership: { tags: ['team'], owners: {} } }, /ownership\.owners: unknown key/],
  ])('exits 2 naming the key path for %s, in validate-config and in an idle-resources run', async (what, config, message) => {
    const path = join(dir, `${what.replace(/\W+/g, '-')}.json`);
    writeFileSync(path, JSON.stringify(config));
    const validate = await runCli(['validate-config', '--config', path]);
    const run = await runCli(['run', 'idle-resources', '--config', path, '--json'], {
      env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
    });
    expect([validate.code, run.code]).toEqual([2, 2]);
    expect(validate.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
