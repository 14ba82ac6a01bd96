import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_CONFIG, actionsOf, buildStack, grantsOf, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

const EMAIL = { from: 'costs@mail.example.com', to: ['finance@example.org', 'cfo@example.org'] };
const JOB_IDS = ['DailySpend', 'IdleResources', 'Budgets', 'MonthlyReport'];
const withEmail = (email: { from: string; to: string[]; region?: string }) => ({
  ...FULL_CONFIG,
  report: { ...FULL_CONFIG.report, email },
});

/** An ARN as CloudFormation resolves it, pseudo parameters shown by name. */
function flat(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (v.Ref) return `<${String(v.Ref)}>`;
  const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
  return parts.map(flat).join(sep);
}

const identity = (region: string, name: string) => `arn:<AWS::Partition>:ses:${region}:<AWS::AccountId>:identity/${name}`;
const sesGrants = (template: Template, job: string) => grantsOf(template, job).filter((g) => g.action.startsWith('ses:'));

describe('SES send permission (report.email)', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  beforeAll(() => {
    template = synthStack({ config: withEmail(EMAIL) }).template;
  }, SYNTH_TIMEOUT);

  it('lets monthly-report send raw email on the sender, its domain and (for the sandbox) the recipients, in the stack region, from the sender only', () => {
    const grants = sesGrants(template, 'MonthlyReport');

    expect(new Set(grants.map((g) => g.action))).toEqual(new Set(['ses:SendRawEmail']));
    expect(grants.map((g) => flat(g.resource)).sort()).toEqual(
      ['costs@mail.example.com', 'mail.example.com', 'finance@example.org', 'example.org', 'cfo@example.org']
        .map((id) => identity('<AWS::Region>', id))
        .sort(),
    );
    for (const g of grants) expect(g.condition).toEqual({ StringEquals: { 'ses:FromAddress': 'costs@mail.example.com' } });
  });

  it('gives no other job any SES action, and monthly-report no report-topic publish it no longer uses', () => {
    for (const job of JOB_IDS.filter((j) => j !== 'MonthlyReport'))
      expect(actionsOf(template, job).filter((a) => a.startsWith('ses:'))).toEqual([]);
    expect(actionsOf(template, 'MonthlyReport')).not.toContain('sns:Publish');
  });

  it('uses report.email.region when it is set', () => {
    const { template: regional } = synthStack({ config: withEmail({ ...EMAIL, region: 'eu-west-1' }) });

    expect(sesGrants(regional, 'MonthlyReport').map((g) => flat(g.resource))).toContain(identity('eu-west-1', 'costs@mail.example.com'));
    expect(sesGrants(regional, 'MonthlyReport').every((g) => flat(g.resource).includes(':ses:eu-west-1:'))).toBe(true);
  });

  it('grants no SES action at all without report.email, and keeps the report topic', () => {
    const { template: plain } = synthStack({ config: FULL_CONFIG });

    for (const job of JOB_IDS) expect(actionsOf(plain, job).filter((a) => a.startsWith('ses:'))).toEqual([]);
    expect(actionsOf(plain, 'MonthlyReport')).toContain('sns:Publish');
  });

  it('tells at synth that report.emails subscribers get nothing once report.email is set', () => {
    const { stack } = buildStack({ config: withEmail(EMAIL) });
    const { stack: plain } = buildStack({ config: FULL_CONFIG });

    Annotations.fromStack(stack).hasInfo('*', Match.stringLikeRegexp('report.emails subscribed to the report topic receive nothing'));
    Annotations.fromStack(plain).hasNoInfo('*', Match.stringLikeRegexp('report.emails'));
  });

  it('passes the cdk-nag AwsSolutions checks with no wildcard to acknowledge', () => {
    const { stack } = buildStack({ config: withEmail(EMAIL) });
    const report = new AwsSolutionsChecks(stack, { verbose: true }).validateScope(stack);

    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
