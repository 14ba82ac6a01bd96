import { ALL_CLIENTS } from '../../shared/aws/all-clients.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerTable, createTopicWithInbox, type TopicWithInbox } from '../../emulators/fixtures.js';
import { seedOrganization, type SeededOrganization } from '../../emulators/organization.js';
import { seedFleet, type SeededRegion } from '../../scripts/demo/idle-resources.js';
import { today } from '../../shared/time/dates.js';
import { awsEnvFor, type TestAws } from '../support/env.js';
import { memberClientConfig } from '../support/org.js';

/**
 * The three Lambda handlers of the state machine, chained the way Step
 * Functions chains them: the plan's item list from S3 (ItemReader), one scan
 * per item with the ItemSelector's fields, the children's results written
 * as the Distributed Map's ResultWriter writes them (one child failed, as a
 * timed-out child would), then the reduce.
 */
const BUCKET = 'cw-idle-steps';
const saved = { ...process.env };
let aws: TestAws;
let s3: S3Client;
let topic: TopicWithInbox;
let org: SeededOrganization;
let data: SeededRegion[];
type Handler = (event: unknown) => Promise<any>;
let plan: Handler;
let scan: Handler;
let reduce: Handler;

const getJson = async (key: string) =>
  JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString());
const putJson = (key: string, value: unknown) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: JSON.stringify(value) }));

beforeAll(async () => {
  aws = await awsEnvFor();
  s3 = new S3Client({ ...aws.clientConfig, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await createLedgerTable(new DynamoDBClient(aws.clientConfig), 'steps-ledger');
  topic = await createTopicWithInbox(new SNSClient(aws.clientConfig), new SQSClient(aws.clientConfig), 'steps-alerts');
  org = await seedOrganization({ clientConfig: aws.clientConfig, members: ['Data'] });
  const member = await memberClientConfig(aws, org.members[0]!.id);
  const env = {
    ...aws.env,
    AWS_ACCESS_KEY_ID: member.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: member.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: member.credentials.sessionToken,
  };
  data = await seedFleet(env, [{ region: 'us-east-1', instances: [], volumes: [{ type: 'gp3', sizeGiB: 40, name: 'orphan' }] }]);
  // The handlers read their environment at import, as in a Lambda container.
  Object.assign(process.env, aws.env, {
    COST_WATCH_CONFIG: JSON.stringify({
      idle: { regions: ['us-east-1', 'eu-west-1'] },
      organization: { accounts: 'all' },
      report: { bucket: BUCKET },
      notify: { alertTopicArn: topic.topicArn },
      ledgerTable: 'steps-ledger',
    }),
  });
  plan = (await import('../../lambdas/idle-resources-plan/handler.js')).handler;
  scan = (await import('../../lambdas/idle-resources-scan/handler.js')).handler;
  reduce = (await import('../../lambdas/idle-resources-reduce/handler.js')).handler;
}, 120_000);

afterAll(() => {
  process.env = saved;
});

describe('idle-resources step handlers chained as the state machine runs them', { timeout: 120_000 }, () => {
  it('plans to S3, scans each item, and reduces the ResultWriter files into one run, alerting once', async () => {
    const pointer = await plan({ runId: 'exec-1', input: { date: today(new Date()) } });
    expect(pointer).toMatchObject({ bucket: BUCKET, items: 4, home: aws.account.accountId, runId: 'exec-1', dryRun: false });
    const items = await getJson(pointer.itemsKey);
    expect(items).toHaveLength(4);

    // ItemSelector: { scope: $$.Map.Item.Value, home, date, runId } from the plan.
    const events = items.map((scope: unknown) => ({ scope, home: pointer.home, date: pointer.date, runId: pointer.runId }));
    const timedOut = events.pop();
    const succeeded = await Promise.all(
      events.map(async (e: unknown) => ({ Input: JSON.stringify(e), Output: JSON.stringify(await scan(e)), Status: 'SUCCEEDED' })),
    );
    const base = 'idle-runs/map-results/run-1/';
    await putJson(`${base}SUCCEEDED_0.json`, succeeded);
    await putJson(`${base}FAILED_0.json`, [
      { Input: JSON.stringify(timedOut), Error: 'States.Timeout', Cause: 'child execution timed out', Status: 'FAILED' },
    ]);
    await putJson(`${base}manifest.json`, {
      DestinationBucket: BUCKET,
      MapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:x/y:z',
      ResultFiles: {
        FAILED: [{ Key: `${base}FAILED_0.json`, Size: 1 }],
        PENDING: [],
        SUCCEEDED: [{ Key: `${base}SUCCEEDED_0.json`, Size: 1 }],
      },
    });
    const event = { plan: pointer, map: { ResultWriterDetails: { Bucket: BUCKET, Key: `${base}manifest.json` } } };

    const summary = await reduce(event);
    expect(summary).toMatchObject({
      job: 'idle-resources',
      pairs: 4,
      regionErrors: 1,
      accountErrors: 0,
      unattachedVolumes: 1,
      deliveries: { sent: 1 },
    });
    const findings = await getJson(summary.findingsObject.key);
    expect(findings.unattachedVolumes).toEqual([expect.objectContaining({ id: data[0]!.volumeIds[0], account: org.members[0]!.id })]);
    expect(findings.regionErrors).toEqual([
      {
        ...(timedOut.scope.home ? {} : { account: timedOut.scope.id }),
        region: timedOut.scope.region,
        message: expect.stringContaining('States.Timeout'),
      },
    ]);
    expect((await topic.receive()).map((m) => m.subject)).toHaveLength(1);

    // A retried reduce (Step Functions retries it after a failed delivery) sends nothing twice.
    const again = await reduce(event);
    expect(again.deliveries).toEqual({ duplicate: 1 });
    expect(await topic.receive()).toEqual([]);
  });

  it('writes a scan too large for Step Functions to S3 and the reduce reads it back', async () => {
    const { parseConfig } = await import('../../shared/config/load.js');
    const { createContext } = await import('../../shared/jobs/common/context.js');
    const { AwsClients } = await import('../../shared/aws/aws-clients.js');
    const { silentLogger } = await import('../../shared/log.js');
    const { MAX_INLINE_BYTES, resolveOutcome, storeOutcome } = await import('../../shared/jobs/idle-resources/run-store.js');
    const ctx = createContext({
      config: parseConfig({ report: { bucket: BUCKET } }),
      log: silentLogger,
      aws: new AwsClients(aws.env, ALL_CLIENTS),
      env: aws.env,
    });
    const scope = { home: false as const, id: '111111111111', name: 'Big', region: 'us-east-1' };
    const findings = Array.from({ length: 2000 }, (_, i) => ({
      rule: 'unattached-volume',
      account: scope.id,
      region: scope.region,
      id: `vol-${i}`,
      resourceType: 'volume',
      detail: 'x'.repeat(100),
      estimatedMonthlyCost: 1,
      action: 'Delete it',
      facts: {},
    }));
    const big = {
      scope,
      ok: true as const,
      scan: { scope, findings, ruleErrors: [], requests: {}, runningInstances: 0, exempt: 0, noData: 0, unpriced: [], byRule: [] },
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_INLINE_BYTES);

    const stored = await storeOutcome(ctx, big, 'exec-2', '2026-11-23');
    expect(stored).toEqual({
      scope,
      ok: true,
      stored: { bucket: BUCKET, key: 'idle-runs/2026-11-23/exec-2/scans/111111111111-us-east-1.json' },
    });
    expect(JSON.stringify(stored).length).toBeLessThan(1000);
    expect(await resolveOutcome(ctx, stored)).toEqual(big);
    // A small scan travels inline.
    const small = { ...big, scan: { ...big.scan, findings: findings.slice(0, 2) } };
    expect(await storeOutcome(ctx, small, 'exec-2', '2026-11-23')).toBe(small);
  });

  it("rejects an event that is not the state machine's", async () => {
    await expect(scan({ scope: { home: false, id: '12', name: '12', region: 'us-east-1' } })).rejects.toThrow();
    await expect(scan({ scope: { account: null, accountName: null, region: 'us-east-1' } })).rejects.toThrow();
    await expect(plan({})).rejects.toThrow(/runId/);
  });
});
