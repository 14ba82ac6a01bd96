import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerTable } from '../../emulators/fixtures.js';
import { applyAction, rejectAction, undoAction } from '../../shared/actions/steps.js';
import type { ActionDeps, ActionExecutor } from '../../shared/actions/types.js';
import type { AwsClients } from '../../shared/aws/aws-clients.js';
import type { ActionRecord, ActionResource } from '../../shared/detect/actions/types.js';
import { DynamoActionRecords } from '../../shared/ledger/action-records.js';
import { silentLogger } from '../../shared/log.js';
import { serialDynamo } from '../support/serial-dynamo.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let records: DynamoActionRecords;
let n = 0;

beforeAll(async () => {
  world = await startWorld({ tmp: 'cw-action-records-' });
  await createLedgerTable(world.ddb, 'ledger-actions');
  records = new DynamoActionRecords(serialDynamo(world.ddb), 'ledger-actions');
});
afterAll(() => world?.stop());

const resource = (id: string): ActionResource => ({
  kind: 'ec2-instance',
  id,
  region: 'us-east-1',
  state: 'planned',
  before: { state: 'running' },
  after: { state: 'stopped' },
  estimatedMonthlyCost: 70.08,
});

function record(status: ActionRecord['status'], ids = ['i-1', 'i-2']): ActionRecord {
  const at = '2026-12-05T10:00:00.000Z';
  return {
    id: `dev-down-${++n}`,
    action: 'dev-down',
    type: 'scale-down',
    budget: 'team-web',
    account: null,
    accountId: '123456789012',
    period: { unit: 'MONTHLY', start: '2026-12-01', endExclusive: '2027-01-01' },
    status,
    by: 'cost-watch',
    estimatedMonthlyEffect: 140.16,
    resources: ids.map(resource),
    trigger: { on: 'actual', atPct: 90, pct: 93 },
    restoreAtPeriodEnd: true,
    spec: { type: 'scale-down', tags: { env: ['dev'] } },
    history: [{ status, by: 'cost-watch', at }],
    createdAt: at,
    updatedAt: at,
  };
}

/** An executor over a map of "instances": it changes them as AWS would, and can be told one cannot be stopped. */
function fakeExecutor(failing = new Set<string>()) {
  const state = new Map<string, string>();
  const calls: string[] = [];
  const executor: ActionExecutor = {
    plan: async () => [],
    async apply(r) {
      calls.push(`apply ${r.id}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failing.has(r.id)) return { ...r, state: 'failed', error: 'OperationNotPermitted' };
      state.set(r.id, 'stopped');
      return { ...r, state: 'applied' };
    },
    async undo(r) {
      calls.push(`undo ${r.id}`);
      state.set(r.id, String(r.before.state));
      return { ...r, state: 'restored' };
    },
  };
  const deps: ActionDeps = {
    records,
    aws: {} as AwsClients,
    executor: () => executor,
    target: async (r) => ({
      recordId: r.id,
      accountId: '123456789012',
      access: undefined,
      homeAccess: undefined,
      regions: ['us-east-1'],
      homeRegion: 'us-east-1',
      organization: false,
    }),
    log: silentLogger,
    now: () => new Date(),
  };
  return { deps, calls, state };
}

describe('budget action records', () => {
  it('are created once: a second create of the same id reads back the first', async () => {
    const r = record('proposed');
    const [a, b] = await Promise.all([records.create(r), records.create({ ...r, by: 'other-run' })]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect((await records.get(r.id))?.record.by).toBe(a.created ? 'cost-watch' : 'other-run');
  });

  it('are applied once when two approvals arrive at once, and the loser is told what happened', async () => {
    const r = record('proposed');
    await records.create(r);
    const { deps, calls } = fakeExecutor();
    const outcomes = await Promise.all([applyAction(r.id, 'U0LEAD', deps), applyAction(r.id, 'U0VPENG', deps)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['done', 'refused']);
    expect(calls).toEqual(['apply i-1', 'apply i-2']);
    const stored = (await records.get(r.id))!.record;
    expect(stored.status).toBe('applied');
    expect(stored.history.map((h) => h.status)).toEqual(['proposed', 'approved', 'applied']);
    expect(await records.openIds()).toContain(r.id);
  });

  it('refuse to approve an applied or rejected action, and to undo one never applied', async () => {
    const { deps, calls } = fakeExecutor();
    const applied = record('proposed');
    await records.create(applied);
    await applyAction(applied.id, 'U0LEAD', deps);
    const again = await applyAction(applied.id, 'U0LEAD', deps);
    expect(again).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/is applied: it cannot be applied now/) });
    const rejected = record('proposed');
    await records.create(rejected);
    expect(await rejectAction(rejected.id, 'U0LEAD', deps)).toMatchObject({
      outcome: 'done',
      record: { status: 'rejected', by: 'U0LEAD' },
    });
    expect(await applyAction(rejected.id, 'U0CTO', deps)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/is rejected/),
    });
    const proposed = record('proposed');
    await records.create(proposed);
    expect(await undoAction(proposed.id, 'cli:ops', deps)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/never applied/),
    });
    expect(await undoAction('nope-0', 'cli:ops', deps)).toMatchObject({ outcome: 'refused', reason: 'no action record nope-0' });
    expect(calls).toEqual(['apply i-1', 'apply i-2']);
  });

  it('after a partial failure are failed, and undo restores only what changed, then leave the open list', async () => {
    const r = record('approved');
    await records.create(r);
    const { deps, calls, state } = fakeExecutor(new Set(['i-2']));
    const applied = await applyAction(r.id, 'auto', deps);
    expect(applied).toMatchObject({ outcome: 'done', record: { status: 'failed' } });
    const res = applied.outcome === 'done' ? applied.record.resources : [];
    expect(res.map((x) => [x.id, x.state, x.error])).toEqual([
      ['i-1', 'applied', undefined],
      ['i-2', 'failed', 'OperationNotPermitted'],
    ]);
    const undone = await undoAction(r.id, 'cli:ops', deps);
    expect(undone).toMatchObject({ outcome: 'done', record: { status: 'restored', by: 'cli:ops' } });
    expect(calls).toEqual(['apply i-1', 'apply i-2', 'undo i-1']);
    expect(state.get('i-1')).toBe('running');
    expect(await records.openIds()).not.toContain(r.id);
    expect(await undoAction(r.id, 'cli:ops', deps)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/never applied \(status restored\)/),
    });
  });

  it('list every record, newest period first', async () => {
    const listed = await records.list();
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(listed.every((x) => x.action === 'dev-down')).toBe(true);
  });
});
