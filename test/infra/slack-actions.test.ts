import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, FunctionUrlAuthType, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { CostWatchChecks } from '../../infra/nag.js';
import { FULL_CONFIG, actionsOf, buildStack, statementsOf, synthStack, SYNTH_TIMEOUT, testApp } from './app-fixture.js';

describe('Slack actions endpoint', { timeout: SYNTH_TIMEOUT }, () => {
  it('is a streaming function URL without IAM auth, capped by reserved concurrency, with its URL as an output', () => {
    const { template } = synthStack({ config: FULL_CONFIG });
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', InvokeMode: 'RESPONSE_STREAM' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 5,
      Timeout: 15,
      MemorySize: 256,
      Runtime: 'nodejs24.x',
    });
    template.hasOutput('SlackActionsUrl', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SlackActionsFunctionFunctionUrl'), 'FunctionUrl'] },
    });
  });

  it('may only read and write the ledger item by item, read the two Slack secrets and give anomaly feedback', () => {
    const { template } = synthStack({ config: FULL_CONFIG });
    expect(actionsOf(template, 'SlackActions')).toEqual([
      'ce:ProvideAnomalyFeedback',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'secretsmanager:GetSecretValue',
    ]);
    const secrets = statementsOf(template, 'SlackActions').find((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'))!;
    expect(JSON.stringify(secrets.Resource)).toContain('secret:cost-watch/slack-signing-secret-??????');
    expect(JSON.stringify(secrets.Resource)).toContain('secret:cost-watch/slack-bot-token-??????');
  });

  it('reserves no concurrency with -c slackActionsConcurrency=0, and refuses a bad value', () => {
    const { template } = synthStack({ config: FULL_CONFIG, context: { slackActionsConcurrency: 0 } });
    template.allResourcesProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
    expect(() => buildStack({ config: FULL_CONFIG, context: { slackActionsConcurrency: 'lots' } })).toThrow(
      /slackActionsConcurrency: expected a whole number/,
    );
  });

  it('is not deployed without notify.slack', () => {
    const { template } = synthStack({ config: {} });
    template.resourceCountIs('AWS::Lambda::Url', 0);
    expect(Object.keys(template.findOutputs('SlackActionsUrl'))).toHaveLength(0);
  });

  it('cdk-nag: the unauthenticated URL is a finding, acknowledged on the endpoint with the reasoning', () => {
    const { stack } = buildStack({ config: FULL_CONFIG });
    expect(new CostWatchChecks(stack).validateScope(stack).violations).toEqual([]);

    const bare = new Stack(testApp(), 'Bare');
    new LambdaFunction(bare, 'Fn', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler=()=>{}'),
    }).addFunctionUrl({
      authType: FunctionUrlAuthType.NONE,
    });
    const report = new CostWatchChecks(bare).validateScope(bare);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['CostWatch-LambdaUrlAuth']);
  });
});
