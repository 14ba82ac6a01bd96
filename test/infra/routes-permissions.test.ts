import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { statementsOf, synthStack, SYNTH_TIMEOUT, type Statement } from './app-fixture.js';

const TEAM_TOPIC = 'arn:aws:sns:eu-west-1:111111111111:team-data-alerts';
const DEFAULT_TOPIC = 'arn:aws:sns:eu-west-1:111111111111:cost-alerts';
const publishTargets = (statements: Statement[]) =>
  statements.filter((s) => [s.Action].flat().includes('sns:Publish')).flatMap((s) => [s.Resource].flat());
const secretReads = (statements: Statement[]) => statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));

describe('notify.routes in the stack', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  beforeAll(() => {
    // Routes beside a default topic, no notify.slack: route channels still need the default bot token secret.
    template = synthStack({
      config: {
        notify: {
          alertTopicArn: DEFAULT_TOPIC,
          routes: [
            { accounts: ['111111111111'], slack: { channel: '#team-data' }, alertTopicArn: TEAM_TOPIC },
            { accounts: ['222222222222'], alertTopicArn: TEAM_TOPIC },
          ],
        },
      },
    }).template;
  }, SYNTH_TIMEOUT);

  it("lets the alerting jobs publish to each route's topic (once), and monthly-report not", () => {
    for (const job of ['DailySpend', 'IdleResources', 'Budgets'])
      expect(publishTargets(statementsOf(template, job)).filter((r) => r === TEAM_TOPIC)).toHaveLength(1);
    expect(publishTargets(statementsOf(template, 'MonthlyReport'))).not.toContain(TEAM_TOPIC);
  });

  it('lets the alerting jobs read the default Slack token secret when only routes name Slack channels', () => {
    for (const job of ['DailySpend', 'Budgets'])
      expect(JSON.stringify(secretReads(statementsOf(template, job)))).toContain('cost-watch/slack-bot-token');
  });
});
