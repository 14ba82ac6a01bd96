import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SESClient, VerifyDomainIdentityCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CostExplorerDouble, CostRecord } from '../../emulators/cost-explorer.js';
import type { TopicWithInbox } from '../../emulators/fixtures.js';
import { sentRawEmails } from '../../emulators/ses-outbox.js';
import { monthlyReportDataset } from '../../scripts/demo/monthly-report.js';
import { runCli } from '../support/cli.js';
import type { TestAws } from '../support/env.js';
import { parseMime } from '../support/mime.js';
import { startWorld, type World } from '../support/world.js';

const MONTH = '2026-03';
const ODD_MONTH = '2025-10';
const ODD = 'R&D <beta> "quoted", svc';
const SEVERAL_RUNS = 150_000;
/** S3 bucket names are global in moto too: monthly-report.test.ts has its own. */
const BUCKET = `email-reports-${process.pid}`;

let world: World;
let aws: TestAws;
let ce: CostExplorerDouble;
let s3: S3Client;
let topic: TopicWithInbox;
let dir: string;
let run = 0;

const dataset: CostRecord[] = [
  ...monthlyReportDataset(MONTH),
  { date: '2025-09-03', service: ODD, amount: 5 },
  { date: '2025-10-03', service: ODD, amount: 7.5 },
];

const verify = (address: string, region?: string) => world.verifySender(address, region);

/** A fresh ledger, prefix and sender per test, so one test's email never makes another's a duplicate. */
async function setup(email?: Record<string, unknown>) {
  const n = ++run;
  const file = join(dir, `config-${n}.json`);
  const table = `ledger-email-${n}`;
  await world.newLedger(table);
  const prefix = `email-${n}/`;
  writeFileSync(
    file,
    JSON.stringify({ report: { bucket: BUCKET, prefix, email }, notify: { reportTopicArn: topic.topicArn }, ledgerTable: table }),
  );
  return { file, prefix };
}

async function report(file: string, args: string[], env: Record<string, string> = {}) {
  const result = await runCli(['run', 'monthly-report', '--config', file, '--json', ...args], {
    env: { ...world.env, ...env },
    timeoutMs: 60_000,
  });
  return { ...result, json: result.code <= 3 && result.stdout ? JSON.parse(result.stdout) : undefined };
}

async function read(key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await out.Body?.transformToString('utf-8')) ?? '';
}

async function readBytes(key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
}

const motoUrl = () => world.motoUrl;

beforeAll(async () => {
  // Its own moto, to read the SES outbox from moto's model dump.
  world = await startWorld({ tmp: 'cw-email-', ownMoto: true, costExplorer: true, topic: 'cost-watch-email-reports', buckets: [BUCKET] });
  ({ aws, ce, s3, topic, dir } = world);
}, 60_000);

afterAll(() => world?.stop());

beforeEach(async () => {
  ce.setDataset(dataset);
  await topic.receive();
});

describe('finance email through SES', () => {
  it(
    'sends one email with the summary, a text alternative and the report files attached, instead of the SNS email',
    async () => {
      const from = `costs-${Date.now()}@example.com`;
      await verify(from);
      const { file, prefix } = await setup({ from, to: ['finance@example.com', 'cfo@example.com'] });

      const { code, json } = await report(file, ['--month', MONTH]);

      expect(code).toBe(0);
      expect(json.deliveries).toEqual([
        {
          channel: 'ses',
          alertId: `monthly-report|report|${MONTH}|info`,
          status: 'sent',
          destination: 'finance@example.com, cfo@example.com',
        },
      ]);
      expect(json.email).toMatchObject({
        from,
        to: ['finance@example.com', 'cfo@example.com'],
        attachments: ['cost-report.html', 'cost-report.csv', 'cost-report.xlsx'],
      });
      expect(json.linkExpiresAt).toBeNull();
      expect(await topic.receive()).toEqual([]);
      const [sent, ...more] = await sentRawEmails(motoUrl(), from);
      expect(more).toEqual([]);
      // moto adds the To header's addresses to the envelope's, so each appears twice there.
      expect(new Set(sent?.destinations)).toEqual(new Set(['finance@example.com', 'cfo@example.com']));
      expect(Buffer.byteLength(sent!.raw)).toBe(json.email.bytes);
      const mime = parseMime(sent!.raw);
      expect(mime.headers.Subject).toBe(json.email.subject);
      expect(mime.headers.Subject).toMatch(/^AWS cost report March 2026: \$[\d,.]+ \([+-]?[\d.]+% vs February\)$/);
      expect(mime.structure.slice(0, 4)).toEqual(['multipart/mixed', 'multipart/alternative', 'text/plain', 'text/html']);
      const [text, html, ...files] = mime.parts;
      expect(text?.content).toContain('Top 10 services:');
      expect(html?.content).toContain('Top 10 services');
      expect(html?.content).toMatch(/By category.*Compute/s);
      expect(html?.content).not.toMatch(/<script|<svg|X-Amz-/i);
      expect(files.map((f) => f.filename)).toEqual(['cost-report.html', 'cost-report.csv', 'cost-report.xlsx']);
      expect(files[0]?.content).toBe(await read(`${prefix}${MONTH}/cost-report.html`));
      expect(files[1]?.content).toBe(await read(`${prefix}${MONTH}/cost-report.csv`));
      expect(files[2]?.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(Buffer.from(files[2]!.content, 'base64')).toEqual(Buffer.from(await readBytes(`${prefix}${MONTH}/cost-report.xlsx`)));
    },
    SEVERAL_RUNS,
  );

  it(
    'sends the month once: a re-run is a duplicate and SES gets nothing more',
    async () => {
      const from = `once-${Date.now()}@example.com`;
      await verify(from);
      const { file } = await setup({ from, to: ['finance@example.com'] });

      const first = await report(file, ['--month', MONTH]);
      const second = await report(file, ['--month', MONTH]);

      expect(first.json.deliveries[0].status).toBe('sent');
      expect(second.code).toBe(0);
      expect(second.json.deliveries).toEqual([
        { channel: 'ses', alertId: `monthly-report|report|${MONTH}|info`, status: 'duplicate', destination: 'finance@example.com' },
      ]);
      expect(await sentRawEmails(motoUrl(), from)).toHaveLength(1);
    },
    SEVERAL_RUNS,
  );

  it(
    'exits 3 with the reason when SES rejects the sender, keeps the report written, and the re-run sends once',
    async () => {
      const from = `unverified-${Date.now()}@example.com`;
      // Verified in the job's region only: report.email.region sends from eu-west-1, where it is not.
      await verify(from, 'us-east-1');
      const { file, prefix } = await setup({ from, to: ['finance@example.com'], region: 'eu-west-1' });

      const rejected = await report(file, ['--month', MONTH]);

      expect(rejected.code).toBe(3);
      expect(rejected.json.deliveries).toEqual([
        {
          channel: 'ses',
          alertId: `monthly-report|report|${MONTH}|info`,
          status: 'failed',
          destination: 'finance@example.com',
          error: expect.stringMatching(
            /SES SendRawEmail from unverified-\d+@example\.com in eu-west-1 failed: MessageRejected: .*authority.*; verify the sender/,
          ),
        },
      ]);
      expect(rejected.stderr).toContain('at least one delivery failed');
      expect(await read(`${prefix}${MONTH}/cost-report.html`)).toContain('AWS cost report: March 2026');
      expect(JSON.parse(await read(`${prefix}${MONTH}/cost-report.json`))).toMatchObject({ month: MONTH });
      expect(await sentRawEmails(motoUrl(), from)).toEqual([]);

      await new SESClient({ ...aws.clientConfig, region: 'eu-west-1' }).send(new VerifyDomainIdentityCommand({ Domain: 'example.com' }));
      const retried = await report(file, ['--month', MONTH]);
      const third = await report(file, ['--month', MONTH]);

      expect(retried.code).toBe(0);
      expect(retried.json.deliveries[0].status).toBe('sent');
      expect(third.json.deliveries[0].status).toBe('duplicate');
      expect(await sentRawEmails(motoUrl(), from)).toHaveLength(1);
    },
    SEVERAL_RUNS,
  );

  it(
    'escapes service names with <, & and quotes in the email HTML',
    async () => {
      const from = `odd-${Date.now()}@example.com`;
      await verify(from);
      const { file } = await setup({ from, to: ['finance@example.com'] });

      const { code } = await report(file, ['--month', ODD_MONTH]);

      expect(code).toBe(0);
      const [sent] = await sentRawEmails(motoUrl(), from);
      const [text, html] = parseMime(sent!.raw).parts;
      expect(html?.content).toContain('R&amp;D &lt;beta&gt; &quot;quoted&quot;, svc');
      expect(html?.content).not.toContain(ODD);
      expect(text?.content).toContain(ODD);
    },
    SEVERAL_RUNS,
  );

  it('composes the email in a dry run and sends and writes nothing', async () => {
    const from = `dry-${Date.now()}@example.com`;
    const { file } = await setup({ from, to: ['finance@example.com'] });

    const { code, json } = await report(file, ['--month', MONTH, '--dry-run']);

    expect(code).toBe(0);
    expect(json.deliveries).toEqual([
      { channel: 'ses', alertId: `monthly-report|report|${MONTH}|info`, status: 'dry-run', destination: 'finance@example.com' },
    ]);
    expect(json.email.subject).toContain('March 2026');
    expect(json.email.bytes).toBeGreaterThan(1000);
    expect(await sentRawEmails(motoUrl(), from)).toEqual([]);
  });
});

describe('SNS email link', () => {
  const linkOf = (message: string) => /^https?:\/\/\S+cost-report\.html\?\S+$/m.exec(message)?.[0];

  it(
    'carries no pre-signed link when temporary credentials do not say when they expire (Lambda)',
    async () => {
      const { file } = await setup();

      const { code, json } = await report(file, ['--month', MONTH], { AWS_SESSION_TOKEN: 'lambda-session-token' });

      expect(code).toBe(0);
      expect(json.linkExpiresAt).toBeNull();
      const [mail] = await topic.receive();
      expect(linkOf(mail!.message)).toBeUndefined();
      expect(mail!.message).toContain(`https://s3.console.aws.amazon.com/s3/buckets/${BUCKET}?prefix=`);
    },
    SEVERAL_RUNS,
  );

  it(
    'states the credentials’ own expiry and signs the link for exactly that long',
    async () => {
      const { file } = await setup();
      const expires = new Date(Date.now() + 3 * 3600_000);

      const { json } = await report(file, ['--month', MONTH], {
        AWS_SESSION_TOKEN: 'sso-session-token',
        AWS_CREDENTIAL_EXPIRATION: expires.toISOString(),
      });

      const seconds = (Date.parse(json.linkExpiresAt) - Date.now()) / 1000;
      expect(seconds).toBeGreaterThan(3 * 3600 - 120);
      expect(seconds).toBeLessThanOrEqual(3 * 3600);
      const [mail] = await topic.receive();
      const link = linkOf(mail!.message) ?? '';
      const signed = Number(new URL(link).searchParams.get('X-Amz-Expires'));
      expect(
        Date.parse(
          new URL(link).searchParams.get('X-Amz-Date')!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
        ) +
          signed * 1000,
      ).toBeLessThanOrEqual(expires.getTime());
      expect(mail!.message).toContain(`this link works until ${json.linkExpiresAt.slice(0, 16).replace('T', ' ')} UTC`);
    },
    SEVERAL_RUNS,
  );
});
