import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CostWatchStack } from '../../infra/stack.js';
import { FULL_CONFIG, buildStack, SYNTH_TIMEOUT } from './app-fixture.js';

/** Every acknowledgement recorded in the tree, as `path: id`, with its reason. */
function acknowledgements(root: IConstruct): { where: string; reason: string }[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ where: `${c.node.path}: ${id}`, reason })),
        ),
    );
}

/** Findings as one readable line each, so a failure names the rule and the resource. */
function findings(stack: CostWatchStack): string[] {
  const report = new AwsSolutionsChecks(stack, { verbose: true }).validateScope(stack);
  return report.violations.map(
    (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}: ${v.description}`,
  );
}

describe('cdk-nag AwsSolutions checks', { timeout: SYNTH_TIMEOUT }, () => {
  let app: App;
  let stack: CostWatchStack;
  beforeAll(() => {
    ({ app, stack } = buildStack({ config: FULL_CONFIG }));
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }, SYNTH_TIMEOUT);

  it('let the app synthesize with the checks registered as a validation plugin', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('report no unacknowledged error or warning on the full stack', () => {
    expect(findings(stack)).toEqual([]);
  });

  it('report none on the stack without Slack or emails either', () => {
    const { stack: minimal } = buildStack({ config: {} });

    expect(findings(minimal)).toEqual([]);
  });

  it('report none on the stack with containers (export, Glue table, Athena workgroup) either', () => {
    const { stack: containers } = buildStack({ config: { ...FULL_CONFIG, containers: { export: { bucket: 'acme-cur' } } } });

    expect(findings(containers)).toEqual([]);
  });

  it('explain every acknowledgement with a reason specific to cost-watch', () => {
    const acks = acknowledgements(stack);

    expect(acks.length).toBeGreaterThan(0);
    for (const { where, reason } of acks) expect(reason.length, where).toBeGreaterThan(40);
  });
});
