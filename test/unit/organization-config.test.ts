import { describe, expect, it } from 'vitest';
import { configFromEnv, parseConfig } from '../../shared/config/load.js';
import { ERROR_CODES } from '../../shared/errors.js';
import { configErrorOf as messageOf } from '../support/config-errors.js';

const topic = 'arn:aws:sns:us-east-1:123456789012:team-data';

describe('organization and routes config', () => {
  it('fills the contract defaults and stays absent when not given', () => {
    expect(parseConfig({}).organization).toBeUndefined();
    expect(parseConfig({}).notify.routes).toEqual([]);
    expect(parseConfig({ organization: {} }).organization).toMatchObject({
      accounts: 'all',
      excludeAccounts: [],
      roleName: 'cost-watch-read',
      concurrency: 16,
    });
  });

  it('accepts the contract examples', () => {
    const c = parseConfig({
      organization: { accounts: ['111111111111'], excludeAccounts: ['222222222222'], roleName: 'cost-watch-read', concurrency: 256 },
      notify: {
        slack: { channel: '#cost-alerts' },
        routes: [{ accounts: ['111111111111'], slack: { channel: '#team-data' }, alertTopicArn: topic, continue: true }],
      },
    });
    expect(c.notify.routes[0]).toEqual({
      accounts: ['111111111111'],
      slack: { channel: '#team-data' },
      alertTopicArn: topic,
      continue: true,
    });
  });

  it.each([
    [{ organization: { accounts: ['12345'] } }, 'organization.accounts[0]', '12-digit'],
    [{ organization: { accounts: [] } }, 'organization.accounts', 'at least one account'],
    [{ organization: { excludeAccounts: ['abc'] } }, 'organization.excludeAccounts[0]', '12-digit'],
    [{ organization: { concurrency: 0 } }, 'organization.concurrency', '1 or more'],
    [{ organization: { concurrency: 257 } }, 'organization.concurrency', 'at most 256'],
    [{ organization: { roleName: 'a/b' } }, 'organization.roleName', 'IAM role name'],
    [{ organization: { role: 'x' } }, 'organization', 'role'],
    [{ notify: { routes: [{ slack: { channel: '#x' } }] } }, 'notify.routes[0].accounts', 'account'],
    [{ notify: { routes: [{ accounts: [], slack: { channel: '#x' } }] } }, 'notify.routes[0].accounts', 'at least one account'],
    [{ notify: { routes: [{ accounts: ['111111111111'] }] } }, 'notify.routes[0]', 'at least one destination'],
    [{ notify: { routes: [{ accounts: ['111111111111'], alertTopicArn: 'nope' }] } }, 'notify.routes[0].alertTopicArn', 'SNS topic ARN'],
    [{ notify: { routes: [{ accounts: ['111111111111'], slack: { channel: '#team-data' } }] } }, 'notify:', 'default destination'],
  ])('rejects %j naming %s', (raw, path, expected) => {
    const message = messageOf(raw);
    expect(message).toContain(path);
    expect(message).toContain(expected);
  });

  it('refuses routes without a default destination in the Lambda config too, and accepts them beside either default', () => {
    const routes = [{ accounts: ['111111111111'], slack: { channel: '#team-data' } }];
    const load = (notify: unknown) => () => configFromEnv({ COST_WATCH_CONFIG: JSON.stringify({ notify }) });
    expect(load({ routes })).toThrow(expect.objectContaining({ code: ERROR_CODES.config }));
    expect(load({ routes })).toThrow(/COST_WATCH_CONFIG: notify: expected a default destination/);
    expect(load({ routes, alertTopicArn: topic })().notify.routes).toHaveLength(1);
    expect(load({ routes, slack: { channel: '#cost-alerts' } })().notify.routes).toHaveLength(1);
  });
});
