import type { Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buttonsOf } from '../../emulators/slack-click.js';
import { BUDGET_ACTION_IDS } from '../../shared/alerts/budget-action-ids.js';
import type { ActionRecord, ActionResource } from '../../shared/detect/actions/types.js';
import { actionMessage, type ActionMessageContext } from '../../shared/messages/action-message.js';

const CTX: ActionMessageContext = {
  currency: 'USD',
  approval: 'slack',
  approvers: [{ upTo: 500, slackUsers: ['U0LEAD'] }, { upTo: 5000, slackUsers: ['U0VPENG'] }, { slackUsers: ['U0CTO', 'U0CFO'] }],
};

const instance = (id: string, state: ActionResource['state'], extra: Partial<ActionResource> = {}): ActionResource => ({
  kind: 'ec2-instance',
  id,
  region: 'us-east-1',
  state,
  before: { state: 'running' },
  after: { state: 'stopped' },
  estimatedMonthlyCost: 70.08,
  ...extra,
});

function record(over: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: 'dev-down-0123456789',
    action: 'dev-down',
    type: 'scale-down',
    budget: 'Monthly',
    account: null,
    accountId: '123456789012',
    period: { unit: 'MONTHLY', start: '2026-12-01', endExclusive: '2027-01-01' },
    status: 'proposed',
    by: 'cost-watch',
    estimatedMonthlyEffect: 140.16,
    resources: [
      instance('i-0aaa', 'planned', { name: 'web-dev' }),
      instance('i-0bbb', 'planned'),
      instance('i-0ccc', 'protected', { name: 'keep-me' }),
    ],
    trigger: { on: 'actual', atPct: 90, pct: 92.5 },
    restoreAtPeriodEnd: true,
    spec: { type: 'scale-down', tags: { env: ['dev'] } },
    history: [{ status: 'proposed', by: 'cost-watch', at: '2026-12-05T10:00:00.000Z' }],
    createdAt: '2026-12-05T10:00:00.000Z',
    updatedAt: '2026-12-05T10:00:00.000Z',
    ...over,
  };
}

const all = (m: { text: string; blocks: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks)}`;
const kinds = (m: { blocks: unknown[] }) => buttonsOf(m.blocks as never).map((b: Button) => b.action_id);

describe('budget action message', () => {
  it('proposes the plan resource by resource with protected ones apart, the effect, the tier that approves, and Approve/Reject', () => {
    const m = actionMessage(record(), CTX);
    const text = all(m);
    expect(text).toContain('`i-0aaa`');
    expect(text).toContain('*web-dev*');
    expect(text).toContain('state running → stopped');
    expect(text).toMatch(/Protected, never touched:\*\\n• EC2 instance \*keep-me\* `i-0ccc`/);
    expect(text).toContain('$140.16 a month less spend');
    expect(text).toContain('<@U0LEAD> (tier 1, up to $500.00), or a higher tier: <@U0VPENG>, <@U0CTO>, <@U0CFO>');
    expect(kinds(m)).toEqual([BUDGET_ACTION_IDS.approve, BUDGET_ACTION_IDS.reject]);
    expect(buttonsOf(m.blocks).every((b) => b.value === 'dev-down-0123456789')).toBe(true);
    expect(m.text).toContain('2 resources to change, 1 protected; estimated effect: $140.16 a month less spend');
  });

  it('asks the last tier when the effect cannot be estimated', () => {
    const m = actionMessage(record({ estimatedMonthlyEffect: null, type: 'set-parameter' }), CTX);
    expect(all(m)).toContain('not estimated (only the last approvers tier may approve)');
    expect(all(m)).toContain('<@U0CTO>, <@U0CFO> (tier 3, any amount)');
    expect(all(m)).not.toContain('U0LEAD');
  });

  it('after approval says who approved and what changed, failures listed, with an Undo button', () => {
    const m = actionMessage(
      record({
        status: 'failed',
        by: 'U0LEAD',
        resources: [instance('i-0aaa', 'applied'), instance('i-0bbb', 'failed', { error: 'OperationNotPermitted: DisableApiStop' })],
        history: [
          { status: 'proposed', by: 'cost-watch', at: '2026-12-05T10:00:00.000Z' },
          { status: 'approved', by: 'U0LEAD', at: '2026-12-05T10:05:00.000Z' },
          { status: 'failed', by: 'U0LEAD', at: '2026-12-05T10:05:02.000Z' },
        ],
      }),
      CTX,
    );
    expect(all(m)).toContain('Applied with failures after approval by <@U0LEAD> at 2026-12-05 10:05 UTC');
    expect(all(m)).toContain('`i-0aaa` (us-east-1): state running → stopped · $70.08/month — changed');
    expect(all(m)).toContain('— FAILED: OperationNotPermitted: DisableApiStop');
    expect(m.text).toContain(
      'Failed: EC2 instance i-0bbb us-east-1: state running → stopped (FAILED: OperationNotPermitted: DisableApiStop)',
    );
    expect(kinds(m)).toEqual([BUDGET_ACTION_IDS.undo]);
  });

  it('says an auto-approved action was applied at once', () => {
    const m = actionMessage(
      record({
        status: 'applied',
        by: 'auto',
        resources: [instance('i-0aaa', 'applied')],
        history: [{ status: 'applied', by: 'auto', at: '2026-12-05T10:00:00.000Z' }],
      }),
      { ...CTX, approval: 'auto' },
    );
    expect(all(m)).toContain('Applied at once (approval: auto)');
    expect(kinds(m)).toEqual([BUDGET_ACTION_IDS.undo]);
  });

  it('says an action approved by "auto" as the job records it was applied at once, not after an approval', () => {
    const history = [
      { status: 'approved' as const, by: 'auto', at: '2026-12-05T10:00:00.000Z' },
      { status: 'applied' as const, by: 'auto', at: '2026-12-05T10:00:01.000Z' },
    ];
    const m = actionMessage(record({ status: 'applied', by: 'auto', resources: [instance('i-0aaa', 'applied')], history }), {
      ...CTX,
      approval: 'auto',
    });
    expect(all(m)).toContain('Applied at once (approval: auto)');
    expect(m.text).toContain('Applied at once (approval: auto)');
    expect(all(m)).not.toMatch(/after approval by/);
  });

  it('after Reject and after Undo names who did it and offers no buttons', () => {
    const rejected = actionMessage(
      record({ status: 'rejected', history: [{ status: 'rejected', by: 'U0VPENG', at: '2026-12-05T11:00:00.000Z' }] }),
      CTX,
    );
    expect(all(rejected)).toContain('Rejected by <@U0VPENG> at 2026-12-05 11:00 UTC. Nothing was changed.');
    expect(kinds(rejected)).toEqual([]);
    const undone = actionMessage(
      record({
        status: 'restored',
        resources: [instance('i-0aaa', 'restored')],
        history: [{ status: 'restored', by: 'U0CTO', at: '2026-12-05T12:00:00.000Z' }],
      }),
      CTX,
    );
    expect(all(undone)).toContain('Undone by <@U0CTO>');
    expect(all(undone)).toContain('— restored');
    expect(kinds(undone)).toEqual([]);
  });

  it('escapes every name from AWS or config in blocks and text', () => {
    const m = actionMessage(
      record({
        action: 'dev-down',
        budget: '<!channel> *team*',
        resources: [instance('i-0aaa', 'planned', { name: '<@U0EVIL> & _x_', error: undefined })],
      }),
      CTX,
    );
    const text = all(m);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U0EVIL>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U0EVIL&gt; &amp;');
  });

  it('lists at most 25 resources of a long plan and counts the rest', () => {
    const many = Array.from({ length: 60 }, (_, i) => instance(`i-${String(i).padStart(4, '0')}`, 'planned'));
    const m = actionMessage(record({ resources: many }), CTX);
    expect(all(m)).toContain('…and 35 more resources: `npx cost-watch actions` lists them all.');
    expect(m.blocks.length).toBeLessThanOrEqual(50);
  });
});
