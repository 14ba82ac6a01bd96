import type { KnownBlock } from '@slack/types';
import { context, header, section } from '../notify/blocks.js';
import { escapeMrkdwn, escapePlain, oneLine } from '../notify/escape.js';
import { SNS_BODY_MAX_BYTES } from '../notify/limits.js';
import type { SlackMessage } from '../notify/slack.js';
import type { SnsMessage } from '../notify/sns.js';
import { clip, clipBytes } from '../text/clip.js';
import { digestSections, digestSnsLines, digestSummary, unlistedLine, type IdleDigest } from './idle-digest.js';

/** What a destination without waste this week is told: its weekly ownership digest alone. */
export interface DigestOnlyContext {
  readonly date: string;
  readonly weekStart: string;
  readonly digest: IdleDigest;
}

const FALLBACK_MAX = 3000;
const SNS_PER_LIST = 40;
const title = (ctx: DigestOnlyContext) => `Weekly ownership digest, week of ${ctx.weekStart}`;
const noWaste = 'No idle resources were found for this destination this week.';

export function digestSlackMessage(ctx: DigestOnlyContext): SlackMessage {
  const blocks: KnownBlock[] = [header(`:bar_chart: ${title(ctx)}`), section(noWaste)];
  for (const d of digestSections(ctx.digest, escapeMrkdwn)) blocks.push(section(d));
  const unlisted = unlistedLine(ctx.digest, escapeMrkdwn);
  if (unlisted) blocks.push(section(`:warning: ${unlisted}`));
  blocks.push(context(`Run of ${ctx.date}. Every resource is in the findings JSON and \`--json\`.`));
  const text = [
    `${title(ctx)}.`,
    ...digestSummary(ctx.digest, escapePlain),
    ...(unlisted ? [`${unlistedLine(ctx.digest, escapePlain)}.`] : []),
  ];
  return { text: clip(text.join(' '), FALLBACK_MAX, '… (see findings)'), blocks };
}

function snsBody(ctx: DigestOnlyContext, perList: number): string {
  const unlisted = unlistedLine(ctx.digest, oneLine);
  return [
    `cost-watch's weekly ownership digest for the week of ${ctx.weekStart} (run ${ctx.date}).`,
    noWaste,
    ...digestSnsLines(ctx.digest, perList, oneLine),
    ...(unlisted ? ['', unlisted] : []),
  ].join('\n');
}

export function digestSnsMessage(ctx: DigestOnlyContext): SnsMessage {
  // Fewer resources per list until the body fits SNS's 256 KB.
  let perList = SNS_PER_LIST;
  let body = snsBody(ctx, perList);
  while (Buffer.byteLength(body) > SNS_BODY_MAX_BYTES && perList > 0) body = snsBody(ctx, (perList = Math.floor(perList / 2)));
  body = clipBytes(body, SNS_BODY_MAX_BYTES, '\n… (clipped: see findings)');
  return { subject: `[info] ${title(ctx)}`, body, attributes: { job: 'idle-resources', severity: 'info' } };
}
