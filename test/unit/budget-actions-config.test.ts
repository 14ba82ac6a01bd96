import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { configErrorOf } from '../support/config-errors.js';

const APPROVERS = [{ upTo: 500, slackUsers: ['U0LEAD'] }, { upTo: 5000, slackUsers: ['U0VPENG'] }, { slackUsers: ['U0CTO', 'U0CFO'] }];
const CONTRACT = {
  actions: [
    { id: 'flags-off', atPct: 75, do: { type: 'set-parameter', name: '/app/flags/non-critical', value: 'off' } },
    { id: 'dev-down', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev', 'staging'] } } },
    { id: 'asg-cap', atPct: 100, do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } },
    { id: 'deny-new', atPct: 120, do: { type: 'deny-new-resources' } },
  ],
  approval: 'slack',
  approvers: APPROVERS,
};
const ORG = { accounts: 'all' };
const withActions = (budgets: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ budgets, organization: ORG, ...extra });

describe('budget actions config', () => {
  it("accepts the contract's example, with defaults for on, approval, restoreAtPeriodEnd and the actions role", () => {
    const config = parseConfig(withActions(CONTRACT));
    expect(config.budgets.actions.map((a) => [a.id, a.on, a.do.type])).toEqual([
      ['flags-off', 'actual', 'set-parameter'],
      ['dev-down', 'actual', 'scale-down'],
      ['asg-cap', 'actual', 'cap-autoscaling'],
      ['deny-new', 'actual', 'deny-new-resources'],
    ]);
    expect(config.budgets.restoreAtPeriodEnd).toBe(true);
    expect(config.organization?.actionsRoleName).toBe('cost-watch-act');
    const defaults = parseConfig({});
    expect([defaults.budgets.actions, defaults.budgets.approval]).toEqual([[], 'slack']);
  });

  it('names the key path of an unknown action type, a duplicate id and an atPct of 0 or less', () => {
    const bad = configErrorOf(
      withActions({
        ...CONTRACT,
        actions: [
          { id: 'a', atPct: 90, do: { type: 'terminate-everything' } },
          { id: 'b', atPct: 0, do: { type: 'scale-down', tags: { env: ['dev'] } } },
          { id: 'a', atPct: -5, do: { type: 'cap-autoscaling', tags: { env: ['prod'] } } },
        ],
      }),
    );
    expect(bad).toMatch(
      /budgets\.actions\[0\]\.do\.type: expected type one of set-parameter, scale-down, cap-autoscaling, deny-new-resources/,
    );
    expect(bad).toMatch(/budgets\.actions\[1\]\.atPct: expected a number above 0/);
    expect(bad).toMatch(/budgets\.actions\[2\]\.atPct: expected a number above 0/);
    expect(configErrorOf(withActions({ ...CONTRACT, actions: [CONTRACT.actions[0], CONTRACT.actions[0]] }))).toMatch(
      /budgets\.actions\[1\]\.id: duplicate action id "flags-off" \(also actions\[0\]\)/,
    );
  });

  it('refuses approvers whose last tier has an upTo, a middle tier without one, or upTo not increasing', () => {
    const last = configErrorOf(withActions({ ...CONTRACT, approvers: [{ upTo: 500, slackUsers: ['U0LEAD'] }] }));
    expect(last).toMatch(/budgets\.approvers\[0\]\.upTo: expected no upTo on the last tier/);
    const middle = configErrorOf(withActions({ ...CONTRACT, approvers: [{ slackUsers: ['U0LEAD'] }, { slackUsers: ['U0CTO'] }] }));
    expect(middle).toMatch(/budgets\.approvers\[0\]\.upTo: expected an upTo on every tier but the last/);
    const order = configErrorOf(
      withActions({
        ...CONTRACT,
        approvers: [{ upTo: 5000, slackUsers: ['U0VPENG'] }, { upTo: 500, slackUsers: ['U0LEAD'] }, { slackUsers: ['U0CTO'] }],
      }),
    );
    expect(order).toMatch(/budgets\.approvers\[1\]\.upTo: expected tiers in increasing upTo, but 500 follows 5000/);
  });

  it('needs approvers when Slack approves, and not with approval "auto"', () => {
    expect(configErrorOf(withActions({ actions: CONTRACT.actions }))).toMatch(/budgets\.approvers: expected approvers tiers/);
    expect(parseConfig(withActions({ actions: CONTRACT.actions, approval: 'auto' })).budgets.approval).toBe('auto');
  });

  it('refuses empty tags, an unknown key inside do, and deny-new-resources without roles outside an organization', () => {
    const tags = configErrorOf(withActions({ ...CONTRACT, actions: [{ id: 'x', atPct: 90, do: { type: 'scale-down', tags: {} } }] }));
    expect(tags).toMatch(/budgets\.actions\[0\]\.do\.tags: expected at least one tag key/);
    const key = configErrorOf(
      withActions({ ...CONTRACT, actions: [{ id: 'x', atPct: 90, do: { type: 'scale-down', tags: { env: ['dev'] }, tag: 1 } }] }),
    );
    expect(key).toMatch(/budgets\.actions\[0\]\.do\.tag: unknown key in budgets\.actions\[0\]\.do \(did you mean "tags"\?\)/);
    const single = configErrorOf({ budgets: CONTRACT });
    expect(single).toMatch(/budgets\.actions\[3\]\.do\.roles: expected the IAM role names/);
    const roles = { ...CONTRACT, actions: [{ id: 'deny-new', atPct: 120, do: { type: 'deny-new-resources', roles: ['app-deployer'] } }] };
    expect(parseConfig({ budgets: roles }).budgets.actions[0]!.do).toEqual({ type: 'deny-new-resources', roles: ['app-deployer'] });
  });

  it('takes restoreAtPeriodEnd for all actions and per action, and a bad actionsRoleName names its key', () => {
    const config = parseConfig(
      withActions({ ...CONTRACT, restoreAtPeriodEnd: false, actions: [{ ...CONTRACT.actions[0], restoreAtPeriodEnd: true }] }),
    );
    expect([config.budgets.restoreAtPeriodEnd, config.budgets.actions[0]!.restoreAtPeriodEnd]).toEqual([false, true]);
    expect(configErrorOf(withActions(CONTRACT, { organization: { actionsRoleName: 'no spaces' } }))).toMatch(
      /organization\.actionsRoleName: expected an IAM role name/,
    );
  });
});
