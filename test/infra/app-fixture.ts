import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CostWatchStack } from '../../infra/stack.js';
import { parseConfig, type CostWatchConfigInput } from '../../shared/config/index.js';

/** Per test and hook: one synth takes a second or two, but far longer on a loaded two-core machine. */
export const SYNTH_TIMEOUT = 120_000;

/** The feature flags `cdk synth` uses, so tests see the template that deploys. */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<string, unknown>;

export interface FixtureOptions {
  /** Config given to the stack directly (validated here); omit to read it from context like `cdk synth`. */
  readonly config?: CostWatchConfigInput;
  /** Extra CDK context, e.g. `{ config: 'file.json' }`. */
  readonly context?: Record<string, unknown>;
  /** Run esbuild for real. Off by default: the bundles do not change the template, and skipping them keeps tests fast. */
  readonly bundle?: boolean;
  /**
   * Run CDK's built-in CloudFormation validation at synth, as `cdk synth` does.
   * Off by default: starting its engine costs seconds in every test process.
   */
  readonly cfnValidation?: boolean;
}

export function testApp(options: Pick<FixtureOptions, 'context' | 'bundle' | 'cfnValidation'> = {}): App {
  const skipBundling = options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] };
  return new App({
    context: { ...cdkContext, ...skipBundling, ...options.context },
    builtinCloudFormationValidation: options.cfnValidation ?? false,
  });
}

/** The app and stack, not yet synthesized. */
export function buildStack(options: FixtureOptions = {}): { app: App; stack: CostWatchStack } {
  const app = testApp(options);
  return { app, stack: new CostWatchStack(app, 'CostWatch', { config: options.config && parseConfig(options.config) }) };
}

export function synthStack(options: FixtureOptions = {}): { app: App; stack: CostWatchStack; template: Template } {
  const built = buildStack(options);
  return { ...built, template: Template.fromStack(built.stack) };
}

/** A config that turns on every optional part of the stack. */
export const FULL_CONFIG: CostWatchConfigInput = {
  report: { emails: ['finance@example.com', 'cfo@example.com'], prefix: 'reports/' },
  notify: { slack: { channel: '#cost-alerts', tokenSecretId: 'cost-watch/slack-bot-token' } },
};

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>;

/** Logical id of the function of the job whose construct id is `jobId` (e.g. 'DailySpend'). */
export function functionIdOf(template: Template, jobId: string): string {
  const ids = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith(`${jobId}Function`));
  if (ids.length !== 1) throw new Error(`expected one function for ${jobId}, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}

/** Every IAM action granted to the role of `jobId`'s function, once each, sorted. */
export function actionsOf(template: Template, jobId: string): string[] {
  return [...new Set(statementsOf(template, jobId).flatMap((s) => [s.Action].flat()))].sort();
}

export interface Statement {
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** Every policy statement attached to the role of `jobId`'s function. */
export function statementsOf(template: Template, jobId: string): Statement[] {
  const fn = template.findResources('AWS::Lambda::Function')[functionIdOf(template, jobId)]!;
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Resources).filter((p) =>
    (p.Properties!.Roles as { Ref: string }[]).some((r) => r.Ref === roleId),
  );
  return policies.flatMap((p) => (p.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

export interface Grant {
  action: string;
  resource: unknown;
  condition?: Record<string, unknown>;
}

/** The role's statements as one (action, resource, condition) triple per pair, whatever way CDK merged them. */
export function grantsOf(template: Template, jobId: string): Grant[] {
  return statementsOf(template, jobId).flatMap((s) =>
    [s.Action]
      .flat()
      .flatMap((action) =>
        [s.Resource].flat().map((resource) => (s.Condition ? { action, resource, condition: s.Condition } : { action, resource })),
      ),
  );
}

/** The logical id of the only resource of `type` whose id starts with `prefix`. */
export function logicalIdOf(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}
