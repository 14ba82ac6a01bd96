import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import type { MotoHandle } from '../../emulators/moto.js';
import { newDemoAccount, seedDelivery } from './demo-account.js';
import { addDays, yesterday } from '../../shared/time/dates.js';
import { deleteVolume, ownershipSpend, seedOwnership } from './ownership-seed.js';
import { renderSlack, renderSns } from './render-slack.js';

const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';
const BUCKET = 'cost-watch-reports-ownership-demo';

export interface OwnershipDemoServices {
  readonly moto: MotoHandle;
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly outDir: string;
  readonly run: (args: string[], env: Record<string, string>) => Promise<{ code: number; stdout: string }>;
}

/**
 * The weekly ownership digest: one shared account (a fresh one on moto) where
 * two teams work, data and web, with an untagged instance and bucket beside
 * them. Two idle-resources runs a week apart; between them the data team
 * deletes its unattached volume, and the second digest says what that saved.
 * Prints each destination's message: #team-data and its pager topic, the web
 * team's topic, and the default #cost-alerts and topic for everything else.
 */
export async function showOwnership(s: OwnershipDemoServices): Promise<void> {
  const { account, env, clientConfig } = await newDemoAccount({ motoUrl: s.moto.url, costExplorerUrl: s.ce.url, slackUrl: s.slack.url });
  const [sns, sqs] = [new SNSClient(clientConfig), new SQSClient(clientConfig)];
  await seedDelivery(clientConfig);
  await new S3Client({ ...clientConfig, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: BUCKET }));
  const topics: Array<[string, TopicWithInbox]> = [];
  for (const name of ['cost-watch-alerts', 'team-data-pager', 'team-web-alerts'])
    topics.push([name, await createTopicWithInbox(sns, sqs, name)]);
  const [alerts, dataPager, webAlerts] = topics.map(([, t]) => t.topicArn);

  const seeded = await seedOwnership(env, 'ownership-demo-logs');
  const second = yesterday(new Date());
  const first = addDays(second, -7);
  s.ce.setDataset(ownershipSpend(second, account.accountId));
  const configFile = join(s.outDir, 'demo.ownership.config.json');
  const config = {
    idle: { regions: ['us-east-1'] },
    report: { bucket: BUCKET },
    ownership: {
      tags: ['team', 'env'],
      teams: { data: { slack: { channel: '#team-data' }, alertTopicArn: dataPager }, web: { alertTopicArn: webAlerts } },
    },
    notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: alerts },
    ledgerTable: 'cost-watch-ledger',
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(
    `\n${BOLD}━━ Weekly ownership digest ━━${RESET}\nOne shared account ${account.accountId}: team=data owns an idle instance and ` +
      `an unattached volume without an env tag; team=web an unattached gp2 volume; an idle instance and a bucket carry no team.\n` +
      `ownership.teams: data → #team-data + team-data-pager topic; web → team-web-alerts topic; the rest → #cost-alerts + ` +
      `cost-watch-alerts.\n`,
  );

  const show = async (title: string, date: string) => {
    const args = ['run', 'idle-resources', '--date', date];
    process.stdout.write(`\n${BOLD}━━ ${title} ━━${RESET}\n$ npx cost-watch ${args.join(' ')} --config ${configFile}\n`);
    const before = s.slack.messages.length;
    const { code, stdout } = await s.run([...args, '--config', configFile], env);
    process.stdout.write(`${stdout}(exit ${code})\n\n`);
    for (const m of s.slack.messages.slice(before)) process.stdout.write(`${renderSlack(m.channel, m.blocks as never)}\n`);
    for (const [name, topic] of topics) for (const m of await topic.receive()) process.stdout.write(`${renderSns(name, m)}\n`);
  };
  await show(`idle-resources on ${first}: each team's waste and unassigned resources, the untagged share`, first);
  await deleteVolume(env, seeded.region, seeded.dataVolume);
  process.stdout.write(`\nThe data team deletes its unattached volume ${seeded.dataVolume}.\n`);
  await show(`idle-resources a week later, on ${second}: what that saved, in the data team's digest`, second);
  process.stdout.write(`\nOwnership demo config: ${configFile}\n`);
}
