import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { statementsOf, synthStack, SYNTH_TIMEOUT, type Statement } from './app-fixture.js';

const TEAM_TOPIC = 'arn:aws:sns:eu-west-1:111111111111:team-web-alerts';
const DEFAULT_TOPIC = 'arn:aws:sns:eu-west-1:111111111111:cost-alerts';
const publishTargets = (statements: Statement[]) =>
  statements.filter((s) => [s.Action].flat().includes('sns:Publish')).flatMap((s) => [s.Resource].flat());
const secretReads = (statements: Statement[]) => statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));

describe('ownership.teams in the stack', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  beforeAll(() => {
    // A default topic and no notify.slack: only a team names a Slack channel.
    template = synthStack({
      config: {
        notify: { alertTopicArn: DEFAULT_TOPIC },
        ownership: { teams: { data: { slack: { channel: '#team-data' } }, web: { alertTopicArn: TEAM_TOPIC } } },
      },
    }).template;
  }, SYNTH_TIMEOUT);

  it("lets idle-resources publish to a team's topic, and no other job", () => {
    expect(publishTargets(statementsOf(template, 'IdleResources')).filter((r) => r === TEAM_TOPIC)).toHaveLength(1);
    for (const job of ['DailySpend', 'Budgets', 'MonthlyReport'])
      expect(publishTargets(statementsOf(template, job))).not.toContain(TEAM_TOPIC);
  });

  it('lets idle-resources read the default Slack token secret when only a team names a Slack channel', () => {
    expect(JSON.stringify(secretReads(statementsOf(template, 'IdleResources')))).toContain('cost-watch/slack-bot-token');
  });
});
