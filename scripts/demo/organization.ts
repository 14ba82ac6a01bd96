import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssumeRoleCommand, STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import type { MotoHandle } from '../../emulators/moto.js';
import { newDemoAccount, seedDelivery } from './demo-account.js';
import { seedOrganization, type OrgMember } from '../../emulators/organization.js';
import { orgSpendScenario } from '../../emulators/scenarios/org-spend.js';
import { yesterday } from '../../shared/time/dates.js';
import { createBudgets, monthlyCostBudget } from './budgets.js';
import { renderSlack, renderSns } from './render-slack.js';

const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export interface OrgDemoServices {
  readonly moto: MotoHandle;
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly outDir: string;
  readonly run: (args: string[], env: Record<string, string>) => Promise<{ code: number; stdout: string }>;
}

/** The env of a member account: moto's AssumeRole credentials act in the role's account. */
async function memberEnv(env: Record<string, string>, clientConfig: STSClientConfig, member: OrgMember) {
  const out = await new STSClient(clientConfig).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${member.id}:role/cost-watch-read`, RoleSessionName: 'demo-seed' }),
  );
  const c = out.Credentials!;
  return { ...env, AWS_ACCESS_KEY_ID: c.AccessKeyId!, AWS_SECRET_ACCESS_KEY: c.SecretAccessKey!, AWS_SESSION_TOKEN: c.SessionToken! };
}

/**
 * The organization part of the demo: a fresh management account on moto with
 * three named member accounts, spend for each in the Cost Explorer double (a
 * spike only in data-prod), a budget over its limit in web-prod, and routes
 * sending each team's accounts to its own channel. Prints where each alert went.
 */
export async function showOrganization(s: OrgDemoServices): Promise<void> {
  const { account, env, clientConfig } = await newDemoAccount({ motoUrl: s.moto.url, costExplorerUrl: s.ce.url, slackUrl: s.slack.url });
  const [sns, sqs] = [new SNSClient(clientConfig), new SQSClient(clientConfig)];
  await seedDelivery(clientConfig);
  const topics: Array<[string, TopicWithInbox]> = [
    ['cost-watch-alerts', await createTopicWithInbox(sns, sqs, 'cost-watch-alerts')],
    ['team-data-pager', await createTopicWithInbox(sns, sqs, 'team-data-pager')],
  ];
  const org = await seedOrganization({ clientConfig, members: ['data-prod', 'web-prod', 'sandbox'] });
  const [data, web, sandbox] = org.members as [OrgMember, OrgMember, OrgMember];
  s.ce.setDataset(
    orgSpendScenario(yesterday(new Date()), [
      { id: data.id, spiky: true },
      { id: web.id, scale: 0.5 },
      { id: sandbox.id, scale: 0.05 },
      { id: account.accountId, scale: 0.05 },
    ]),
  );
  await createBudgets(await memberEnv(env, clientConfig, web), [monthlyCostBudget('web-monthly', 500, 540, 700)]);
  await createBudgets(await memberEnv(env, clientConfig, sandbox), [monthlyCostBudget('sandbox-monthly', 100, 95, 120)]);

  const configFile = join(s.outDir, 'demo.org.config.json');
  const config = {
    organization: { accounts: 'all', roleName: 'cost-watch-read' },
    notify: {
      slack: { channel: '#cost-alerts' },
      alertTopicArn: topics[0]![1].topicArn,
      routes: [
        { accounts: [data.id], slack: { channel: '#team-data' }, alertTopicArn: topics[1]![1].topicArn },
        { accounts: [web.id], slack: { channel: '#team-web' } },
      ],
    },
    ledgerTable: 'cost-watch-ledger',
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(
    `\n${BOLD}━━ An AWS Organization ━━${RESET}\nManagement account ${account.accountId}; ` +
      `members ${org.members.map((m) => `${m.name} (${m.id})`).join(', ')}.\n` +
      (`Routes: data-prod → #team-data + team-data-pager topic; web-prod → #team-web; everything else (the organization total, ` +
        `sandbox) → #cost-alerts.\n`),
  );

  for (const [title, args] of [
    [
      'daily-spend across the organization: one Cost Explorer request, spikes per account, each team in its channel',
      ['run', 'daily-spend'],
    ],
    ['budgets of every account, through the member role', ['run', 'budgets']],
    ['daily-spend again: nothing is sent twice, anywhere', ['run', 'daily-spend']],
  ] as const) {
    process.stdout.write(`\n${BOLD}━━ ${title} ━━${RESET}\n$ npx cost-watch ${args.join(' ')} --config ${configFile}\n`);
    const before = s.slack.messages.length;
    const { code, stdout } = await s.run([...args, '--config', configFile], env);
    process.stdout.write(`${stdout}(exit ${code})\n\n`);
    for (const m of s.slack.messages.slice(before)) process.stdout.write(`${renderSlack(m.channel, m.blocks as never)}\n`);
    for (const [name, topic] of topics) for (const m of await topic.receive()) process.stdout.write(`${renderSns(name, m)}\n`);
  }
  process.stdout.write(`\nOrganization demo config: ${configFile}\n`);
}
