import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import type { FakeSlack } from '../../emulators/fake-slack.js';
import { freePort } from '../../emulators/http.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { buttonsOf, clickPayload, formBody, signRequest } from '../../emulators/slack-click.js';
import { actionKindOf } from '../../shared/notify/actions.js';
import { today } from '../../shared/time/dates.js';

const root = resolve(import.meta.dirname, '../..');
export const SIGNING_SECRET = 'demo-signing-secret';
const EC2 = 'Amazon Elastic Compute Cloud - Compute';

export interface ActionsDemoWorld {
  readonly env: Record<string, string>;
  readonly ce: CostExplorerDouble;
  readonly slack: FakeSlack;
  readonly configFile: string;
}

/** Starts `cost-watch slack-actions --port` (the endpoint's handler over local HTTP) and waits until it listens. */
export async function serveActions(world: ActionsDemoWorld): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'bin/cost-watch.js'), 'slack-actions', '--port', String(port), '--config', world.configFile],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...world.env,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-demo-token',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await new Promise<void>((ready, fail) => {
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
      if (err.includes('serving Slack actions')) ready();
    });
    child.once('exit', (code) => fail(new Error(`slack-actions exited ${code}: ${err}`)));
  });
  return { url: `http://127.0.0.1:${port}/slack/actions`, stop: () => child.kill('SIGTERM') };
}

/**
 * On-call clicks "Mute 7 days" on the EC2 spike of the first daily-spend
 * message (a signed request, as Slack sends it); the next day EC2 spikes
 * again and the run lists it as muted instead of sending it.
 */
export async function showMuteDemo(
  world: ActionsDemoWorld,
  show: (title: string, args: string[]) => Promise<void>,
  write: (text: string) => void,
): Promise<void> {
  const first = world.slack.messages.find((m) => JSON.stringify(m.blocks).includes(EC2));
  const mute = first && buttonsOf(first.blocks).find((b) => actionKindOf(b.action_id ?? '') === 'mute' && b.text.text.includes(EC2));
  if (!first || !mute) throw new Error('demo: no Mute button for the EC2 spike in the first daily-spend message');
  const server = await serveActions(world);
  try {
    write(`\n\x1b[1m━━ Slack: on-call clicks "${mute.text.text}" ━━\x1b[0m\n`);
    const unsigned = await fetch(server.url, {
      method: 'POST',
      body: formBody(clickPayload(mute)),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    write(`the same click without Slack's signature: HTTP ${unsigned.status}\n`);
    const req = signRequest(
      SIGNING_SECRET,
      formBody(clickPayload(mute, { channel: first.channel, message: { text: first.text, blocks: first.blocks } })),
    );
    const res = await fetch(server.url, { method: 'POST', body: req.body, headers: req.headers });
    write(`signed click: HTTP ${res.status}\n`);
    const update = world.slack.updates.at(-1);
    if (update) write(`chat.update of ${update.channel} ${update.ts}: ${update.text.split('\n').at(-1)}\n`);
  } finally {
    server.stop();
  }
  await show('mutes: what is muted, by whom, until when', ['mutes']);
  const day = today(new Date());
  world.ce.setDataset(dailySpendScenario({ spikeDay: day }), { estimatedFrom: day });
  await show(`daily-spend the next day (${day}): EC2 spikes again, and is muted`, ['run', 'daily-spend', '--date', day]);
}
