import { CreateBucketCommand, PutBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicWithInbox } from '../../emulators/fixtures.js';
import { clientConfig } from '../../scripts/demo/idle-resources.js';
import { deleteVolume, ownershipSpend, seedOwnership, type OwnershipSeeded } from '../../scripts/demo/ownership-seed.js';
import { addDays, yesterday } from '../../shared/time/dates.js';
import { runCli } from '../support/cli.js';
import { startWorld, type World } from '../support/world.js';

const BUCKET = 'cost-watch-reports-ownership-digest';
const LOGS = 'ownership-digest-logs';
const SECOND = yesterday(new Date());
const FIRST = addDays(SECOND, -7);
/** Today, the run after the second: the web team has deleted its only finding by then. */
const THIRD = addDays(SECOND, 1);

let world: World;
let seeded: OwnershipSeeded;
let dataTopic: TopicWithInbox;
let webTopic: TopicWithInbox;
let file: string;

const idle = (date: string, config = file) =>
  runCli(['run', 'idle-resources', '--config', config, '--date', date, '--json'], { env: world.env, timeoutMs: 90_000 }).then((r) => ({
    ...r,
    json: r.stdout ? JSON.parse(r.stdout) : undefined,
  }));
const slackTo = (channel: string, from = 0) =>
  world.slack.messages
    .slice(from)
    .filter((m) => m.channel === channel)
    .map((m) => m.text);
/** What a Slack message shows: its blocks (the fallback text names only the first unassigned resource). */
const blocksTo = (channel: string, from = 0) =>
  world.slack.messages
    .slice(from)
    .filter((m) => m.channel === channel)
    .map((m) => JSON.stringify(m.blocks));

beforeAll(async () => {
  world = await startWorld({
    tmp: 'cw-ownership-digest-',
    slack: true,
    costExplorer: true,
    topic: 'idle-default',
    ledgers: ['ledger-ownership-digest'],
    buckets: [BUCKET],
  });
  dataTopic = await world.newTopic('idle-team-data');
  webTopic = await world.newTopic('idle-team-web');
  seeded = await seedOwnership(world.aws.env, LOGS);
  world.ce.setDataset(ownershipSpend(SECOND, world.aws.account.accountId));
  file = join(world.dir, 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      idle: { regions: ['us-east-1'] },
      report: { bucket: BUCKET },
      ownership: {
        tags: ['team', 'env'],
        teams: { data: { slack: { channel: '#team-data' }, alertTopicArn: dataTopic.topicArn }, web: { alertTopicArn: webTopic.topicArn } },
      },
      notify: { slack: { channel: '#cost-alerts' }, alertTopicArn: world.topic.topicArn },
      ledgerTable: 'ledger-ownership-digest',
    }),
  );
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

describe('weekly ownership digest through the CLI', { timeout: 240_000 }, () => {
  let first: Awaited<ReturnType<typeof idle>>;

  it("sends a finding to its team's Slack channel and topic by the resource's team tag, and the rest to the defaults", async () => {
    first = await idle(FIRST);
    expect(first.code, first.stderr).toBe(0);
    const dataSlack = slackTo('#team-data');
    const defaultSlack = slackTo('#cost-alerts');
    expect(dataSlack).toHaveLength(1);
    expect(dataSlack[0]).toContain(seeded.dataInstance);
    expect(dataSlack[0]).toContain(seeded.dataVolume);
    expect(dataSlack[0]).not.toContain(seeded.webVolume);
    expect(dataSlack[0]).not.toContain(seeded.untaggedInstance);
    expect(defaultSlack).toHaveLength(1);
    expect(defaultSlack[0]).toContain(seeded.untaggedInstance);
    expect(defaultSlack[0]).not.toContain(seeded.dataVolume);
    const [web, data, fallback] = [await webTopic.receive(), await dataTopic.receive(), await world.topic.receive()];
    expect(web.map((m) => m.message)).toEqual([expect.stringContaining(seeded.webVolume)]);
    expect(web[0]!.message).not.toContain(seeded.dataVolume);
    expect(data.map((m) => m.message)).toEqual([expect.stringContaining(seeded.dataVolume)]);
    expect(fallback.map((m) => m.message)).toEqual([expect.not.stringContaining(seeded.webVolume)]);
    const byAlert = (id: string) =>
      first.json.deliveries.filter((d: { alertId: string }) => d.alertId.includes(id)).map((d: { destination: string }) => d.destination);
    expect(byAlert(seeded.dataVolume).sort()).toEqual(['#team-data', dataTopic.topicArn].sort());
    expect(byAlert(seeded.webVolume)).toEqual([webTopic.topicArn]);
  });

  it('shows each destination its unassigned resources and the untagged share, and a week later what a deletion saved', async () => {
    const [dataSlack, defaultSlack] = [slackTo('#team-data'), slackTo('#cost-alerts')];
    // The data team's volume (team but no env) is theirs; the untagged instance and the bucket are the default's.
    expect(dataSlack[0]).toMatch(/Unassigned resources: 1 resource missing a "team" or "env" tag/);
    expect(blocksTo('#cost-alerts')[0]).toContain(`arn:aws:s3:::${LOGS}`);
    expect(blocksTo('#team-data')[0]).toContain(seeded.dataVolume);
    expect(blocksTo('#team-data')[0]).not.toContain(LOGS);
    expect(defaultSlack[0]).toContain('25.0% of spend');
    expect(first.json.realizedSavings).toMatchObject({ resolved: [], monthly: 0 });

    await deleteVolume(world.aws.env, seeded.region, seeded.dataVolume);
    const mark = world.slack.messages.length;
    const second = await idle(SECOND);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json.realizedSavings).toMatchObject({ monthly: 4, resolved: [expect.objectContaining({ id: seeded.dataVolume })] });
    const [dataAgain] = slackTo('#team-data', mark);
    expect(dataAgain).toContain(`Saved $4.00/month since last week: 1 finding of the run of ${FIRST} is gone.`);
    const [defaultAgain] = slackTo('#cost-alerts', mark);
    expect(defaultAgain).toContain('Saved $0.00/month since last week');
    expect((await dataTopic.receive())[0]!.message).toContain('Saved $4.00/month since last week');

    const again = await idle(SECOND);
    expect(again.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
  });

  it('tells a team whose only finding is gone what it saved, and a team with only unassigned resources about them, once', async () => {
    const opsTopic = await world.newTopic('idle-team-ops');
    const opsBucket = 'ownership-digest-ops-artifacts';
    const s3 = new S3Client({ ...clientConfig(world.aws.env, seeded.region), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: opsBucket }));
    await s3.send(new PutBucketTaggingCommand({ Bucket: opsBucket, Tagging: { TagSet: [{ Key: 'team', Value: 'ops' }] } }));
    const withOps = join(world.dir, 'config-ops.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.ownership.teams.ops = { alertTopicArn: opsTopic.topicArn };
    writeFileSync(withOps, JSON.stringify(config));
    await webTopic.receive();
    await deleteVolume(world.aws.env, seeded.region, seeded.webVolume);

    const third = await idle(THIRD, withOps);
    expect(third.code, third.stderr).toBe(0);
    const web = (await webTopic.receive()).map((m) => m.message);
    expect(web).toEqual([expect.stringContaining(`Saved $10.00/month since last week: 1 finding of the run of ${SECOND} is gone.`)]);
    expect(web[0]).not.toContain(seeded.dataVolume);
    const ops = (await opsTopic.receive()).map((m) => m.message);
    expect(ops).toEqual([expect.stringMatching(/Unassigned resources: 1 resource missing a "team" or "env" tag/)]);
    expect(ops[0]).toContain(`arn:aws:s3:::${opsBucket}`);
    expect(ops[0]).not.toContain(LOGS);
    const sent = third.json.deliveries.filter((d: { status: string }) => d.status === 'sent');
    expect(sent.map((d: { destination: string }) => d.destination)).toEqual(expect.arrayContaining([webTopic.topicArn, opsTopic.topicArn]));

    const again = await idle(THIRD, withOps);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json.deliveries.every((d: { status: string }) => d.status === 'duplicate')).toBe(true);
    expect(await webTopic.receive()).toEqual([]);
    expect(await opsTopic.receive()).toEqual([]);
  });
});
