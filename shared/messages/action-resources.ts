import type { ActionResource, ResourceKind, ResourceSnapshot } from '../detect/actions/types.js';
import { countOf, formatMoney } from '../format.js';
import { escapeMrkdwn, escapePlain } from '../notify/escape.js';
import { ITEM_LINE_MAX_CHARS, SLACK_LIMITS } from '../notify/limits.js';
import { clip } from '../text/clip.js';

const KIND: Record<ResourceKind, string> = {
  'ec2-instance': 'EC2 instance',
  'rds-instance': 'RDS instance',
  'autoscaling-group': 'Auto Scaling group',
  'ssm-parameter': 'SSM parameter',
  scp: 'SCP',
  'iam-role': 'IAM role',
};

/** Lines of one list shown in Slack; the rest are counted (the CLI `actions` lists them all). */
const MAX_LINES = 25;

const value = (v: ResourceSnapshot[string] | undefined) => (v === undefined || v === null ? 'none' : String(v));

/** What changes: `state running → stopped`, `min 2 → 0, desired 3 → 0`; only the settings that differ. */
export function change(r: Pick<ActionResource, 'before' | 'after'>): string {
  const keys = Object.keys(r.after).filter((k) => value(r.before[k]) !== value(r.after[k]));
  return keys.map((k) => `${k} ${value(r.before[k])} → ${value(r.after[k])}`).join(', ') || 'no change';
}

/** How each state reads after the resource: what happened to it. */
const OUTCOME: Record<ActionResource['state'], string> = {
  planned: '',
  protected: 'protected (cost-watch:protect=true), left alone',
  unchanged: 'already so, left alone',
  applied: 'changed',
  failed: 'FAILED',
  restored: 'restored',
  'restore-failed': 'RESTORE FAILED',
};

/** One resource as a mrkdwn list line: everything from AWS escaped. */
export function resourceLine(r: ActionResource, currency: string): string {
  const name = r.name ? ` *${escapeMrkdwn(r.name)}*` : '';
  const where = r.region ? ` (${escapeMrkdwn(r.region)})` : '';
  const cost = r.estimatedMonthlyCost === null ? '' : ` · ${formatMoney(r.estimatedMonthlyCost, currency)}/month`;
  const outcome = OUTCOME[r.state] ? ` — ${OUTCOME[r.state]}` : '';
  const error = r.error ? `: ${escapeMrkdwn(r.error)}` : '';
  const line = `• ${KIND[r.kind]}${name} \`${escapeMrkdwn(r.id)}\`${where}: ${escapeMrkdwn(change(r))}${cost}${outcome}${error}`;
  return clip(line, ITEM_LINE_MAX_CHARS);
}

/** The same line for the plain-text fallback. */
export function resourcePlain(r: ActionResource): string {
  const outcome = OUTCOME[r.state] ? ` (${OUTCOME[r.state]}${r.error ? `: ${escapePlain(r.error)}` : ''})` : '';
  return clip(`${KIND[r.kind]} ${escapePlain(r.id)}${r.region ? ` ${escapePlain(r.region)}` : ''}: ${change(r)}${outcome}`, 300);
}

/** A titled list inside one section's 3,000 characters, at most MAX_LINES lines, the rest counted. */
export function resourceList(title: string, resources: readonly ActionResource[], currency: string): string {
  const lines: string[] = [];
  let length = title.length;
  for (const r of resources.slice(0, MAX_LINES)) {
    const line = resourceLine(r, currency);
    if (length + line.length + 120 > SLACK_LIMITS.sectionText) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = resources.length - lines.length;
  const tail = more ? [`…and ${countOf(more, 'more resource')}: \`npx cost-watch actions\` lists them all.`] : [];
  return [title, ...lines, ...tail].join('\n');
}
