import { App, Stack, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { CostWatchChecks } from '../../infra/nag.js';
import { NagTally } from '../../infra/nag-tally.js';

/** One SQS queue without a dead-letter queue or an SSL-only policy: findings for AwsSolutions-SQS3 and -SQS4. */
function check(acknowledge: boolean) {
  const app = new App();
  const stack = new Stack(app, 'Tiny');
  const queue = new Queue(stack, 'Queue', { encryption: QueueEncryption.SQS_MANAGED });
  if (acknowledge)
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'The queue is itself a dead-letter queue in this test.' });
  const tally = new NagTally();
  const packs = [tally.count(new AwsSolutionsChecks(app)), tally.count(new CostWatchChecks(app))];
  const reports = packs.map((p) => p.validateScope(stack));
  return { tally, violations: reports.flatMap((r) => r.violations.map((v) => v.ruleName)) };
}

describe('cdk-nag tally', () => {
  it('counts the rules of each pack, the resources checked and each finding', () => {
    const { tally, violations } = check(false);

    expect(violations).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
    expect(tally.summary()).toMatch(
      /^cdk-nag: checked (\d+) rules \(AwsSolutions (\d+), CostWatch 1\) on 1 resource: 0 findings acknowledged/,
    );
    expect(tally.unacknowledged).toEqual(new Set(violations.map((v) => `Tiny/Queue/Resource: ${v}`)));
  });

  it('counts an acknowledged finding as acknowledged and leaves the pack judging as before', () => {
    const { tally, violations } = check(true);

    expect(violations).not.toContain('AwsSolutions-SQS3');
    expect(violations).toContain('AwsSolutions-SQS4');
    expect([...tally.acknowledged]).toEqual(['Tiny/Queue/Resource: AwsSolutions-SQS3']);
    expect(tally.summary()).toMatch(/1 finding acknowledged with a reason, \d+ unacknowledged$/);
  });

  it('counts every rule the AwsSolutions pack has', () => {
    const rules = Number(/AwsSolutions (\d+)/.exec(check(false).tally.summary())?.[1]);

    expect(rules).toBeGreaterThan(100);
  });
});
