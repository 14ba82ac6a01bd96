import type { Alert } from '../alerts/alert.js';
import { escapePlain } from './escape.js';

/** `arn:partition:service:region:account:`: the same for every resource of one kind in one place. */
const ARN_PREFIX = /^arn:[\w-]+:[\w-]+:[\w-]*:\d*:/;

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** What the alert is about, as people name it: a resource's name beside its id, an ARN without its common prefix. */
function nameOf(a: Alert): string {
  if (a.subject.scope === 'total') return 'total spend';
  const id = a.subject.key.replace(ARN_PREFIX, '');
  const name = (a as { finding?: { name?: unknown } }).finding?.name;
  // Slack wants & < > as entities in plain_text too: a raw `<!channel>` in a name must stay text.
  return escapePlain(typeof name === 'string' && name.trim() && name !== a.subject.key ? `${name.trim()} (${id})` : id);
}

/** Keeps the end of a long name: ids differ at the end (two load balancers' ARNs share their first 75 characters). */
function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - (max - 1);
  if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  // Never start inside an entity (`&lt;` cut to `t;` reads as garbage).
  const amp = text.lastIndexOf('&', start - 1);
  const semi = amp < 0 ? -1 : text.indexOf(';', amp);
  if (amp >= 0 && start - amp < 6 && semi >= start) start = semi + 1;
  return `…${text.slice(start)}`;
}

const accountOf = (a: Alert) => {
  const name = (a as { accountName?: unknown }).accountName;
  return typeof name === 'string' && name ? escapePlain(name) : a.subject.account;
};

function duplicated(labels: readonly string[]): Set<number> {
  const seen = new Map<string, number[]>();
  labels.forEach((l, i) => seen.set(l, [...(seen.get(l) ?? []), i]));
  return new Set([...seen.values()].filter((at) => at.length > 1).flat());
}

/**
 * One label per alert, each at most `room` characters and unique within the
 * message: the name (or the distinctive end of a long id); then, where two
 * alerts still read the same (one service in two accounts), the account; then a number.
 */
export function buttonLabels(alerts: readonly Alert[], room: number): string[] {
  const names = alerts.map(nameOf);
  const labels = names.map((n) => keepEnd(n, room));
  for (const i of duplicated(labels)) {
    const account = accountOf(alerts[i]!);
    if (!account) continue;
    const suffix = ` · ${account}`.slice(0, Math.floor(room / 2));
    labels[i] = `${keepEnd(names[i]!, room - suffix.length)}${suffix}`;
  }
  const counts = new Map<string, number>();
  for (const i of duplicated(labels)) {
    const n = (counts.get(labels[i]!) ?? 0) + 1;
    counts.set(labels[i]!, n);
    const suffix = ` #${n}`;
    labels[i] = `${keepEnd(labels[i]!, room - suffix.length)}${suffix}`;
  }
  return labels;
}
