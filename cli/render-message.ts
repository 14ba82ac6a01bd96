/**
 * Slack and SNS messages drawn in a terminal roughly as Slack and a mail
 * client show them: for `--dry-run` (what would be sent) and the demo (what
 * was sent). Slack's mrkdwn is read the way Slack reads it: a mark beside a
 * zero-width space is a literal character (escapeMrkdwn's way of escaping),
 * nothing inside a code span is formatted, and only known emoji codes are
 * drawn (an ARN's `:aws:` is text).
 */
import type { MessagePreview } from '../shared/notify/types.js';

export interface RenderOptions {
  /** ANSI bold and dim; off for files, pipes and tests. */
  readonly color: boolean;
}

interface TextObject {
  readonly type: string;
  readonly text: string;
}
interface Element {
  readonly type: string;
  readonly text?: TextObject | string;
  readonly url?: string;
  readonly style?: string;
}
interface Block {
  readonly type: string;
  readonly text?: TextObject;
  readonly fields?: readonly TextObject[];
  readonly elements?: readonly Element[];
  readonly accessory?: Element;
}

const EMOJI: Record<string, string> = {
  rotating_light: '🚨',
  warning: '⚠️',
  information_source: 'ℹ️',
  fire: '🔥',
  moneybag: '💰',
  money_with_wings: '💸',
  white_check_mark: '✅',
  no_bell: '🔕',
  mute: '🔇',
  eyes: '👀',
  office: '🏢',
  bell: '🔔',
  chart_with_upwards_trend: '📈',
};

const ZWSP = '\u200b';
/** Private-use stand-ins for escaped marks and code spans while formatting runs. */
const LITERAL: Record<string, string> = { '*': '\ue001', _: '\ue002', '~': '\ue003', '`': '\ue004' };
const CODE_OPEN = '\ue010';
const CODE_CLOSE = '\ue011';

function styles(o: RenderOptions) {
  const wrap = (code: string) => (t: string) => (o.color ? `\x1b[${code}m${t}\x1b[0m` : t);
  return { bold: wrap('1'), dim: wrap('2'), italic: wrap('3') };
}

/** Known emoji codes as emoji; anything else that looks like one (`arn:aws:sns:`) stays text. */
const emoji = (t: string) =>
  t.replace(/(^|[^\w:]):([a-z0-9_+-]+):(?![\w:])/g, (m, pre: string, name: string) => (EMOJI[name] ? `${pre}${EMOJI[name]}` : m));

const unescapeEntities = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Slack mrkdwn as terminal text. */
export function mrkdwn(text: string, o: RenderOptions): string {
  const s = styles(o);
  const codes: string[] = [];
  let t = text
    .replace(new RegExp(`${ZWSP}?([*_~\`])${ZWSP}`, 'g'), (_, m: string) => LITERAL[m]!)
    .replace(new RegExp(`${ZWSP}([*_~\`])`, 'g'), (_, m: string) => LITERAL[m]!);
  t = t.replace(/`([^`\n]+)`/g, (_, code: string) => `${CODE_OPEN}${codes.push(code) - 1}${CODE_CLOSE}`);
  t = t
    .replace(/<!here>/g, '@here')
    .replace(/<!channel>/g, '@channel')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?!\w)/g, (_, pre: string, b: string) => `${pre}${s.bold(b)}`)
    .replace(/(^|[^\w_])_([^_\n]+)_(?!\w)/g, (_, pre: string, i: string) => `${pre}${s.italic(i)}`)
    .replace(/(^|[^\w~])~([^~\n]+)~(?!\w)/g, '$1$2');
  t = emoji(t);
  t = t.replace(new RegExp(`${CODE_OPEN}(\\d+)${CODE_CLOSE}`, 'g'), (_, i: string) => codes[Number(i)]!);
  for (const [mark, stand] of Object.entries(LITERAL)) t = t.split(stand).join(mark);
  return unescapeEntities(t.split(ZWSP).join(''));
}

const plainText = (t: TextObject | string | undefined, o: RenderOptions) =>
  t === undefined ? '' : typeof t === 'string' ? t : t.type === 'mrkdwn' ? mrkdwn(t.text, o) : emoji(t.text);

/** `[ Acknowledge ]`, or a link button with where it goes. */
function button(e: Element, o: RenderOptions): string {
  const label = `[ ${plainText(e.text, o)} ]`;
  const shown = e.style === 'primary' ? styles(o).bold(label) : label;
  return e.url ? `${shown} ${styles(o).dim(e.url.length > 80 ? `${e.url.slice(0, 79)}…` : e.url)}` : shown;
}

export function renderSlack(channel: string, blocks: readonly Block[], o: RenderOptions, fallback?: string): string {
  const s = styles(o);
  const out: string[] = [s.dim(`┌─ Slack ${channel}`)];
  const line = (t: string) => out.push(...t.split('\n').map((l) => `│ ${l}`));
  for (const b of blocks) {
    if (b.type === 'header') line(s.bold(plainText(b.text, o)));
    else if (b.type === 'divider') line(s.dim('─'.repeat(60)));
    else if (b.type === 'context')
      line(s.dim((b.elements ?? []).map((e) => plainText(e.text ?? (e as unknown as TextObject), o)).join('  ')));
    else if (b.type === 'actions')
      line(
        (b.elements ?? [])
          .filter((e) => e.type === 'button')
          .map((e) => button(e, o))
          .join(' '),
      );
    else if (b.type === 'section') {
      if (b.text) line(plainText(b.text, o));
      const fields = (b.fields ?? []).map((f) => plainText(f, o).replace(/\n/g, ': '));
      for (let i = 0; i < fields.length; i += 2) line(`   ${(fields[i] ?? '').padEnd(42)} ${fields[i + 1] ?? ''}`.trimEnd());
      if (b.accessory?.type === 'button') line(`   ${button(b.accessory, o)}`);
    }
  }
  if (fallback !== undefined) line(s.dim(`(notification text: ${unescapeEntities(fallback)})`));
  out.push(s.dim('└─'));
  return out.join('\n');
}

export function renderSns(
  topic: string,
  m: { subject?: string; message: string; attributes: Record<string, string> },
  o: RenderOptions,
): string {
  const s = styles(o);
  const attrs = Object.entries(m.attributes)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return [
    s.dim(`┌─ SNS ${topic} (${attrs})`),
    `│ ${s.bold(`Subject: ${m.subject ?? ''}`)}`,
    ...m.message.split('\n').map((l) => `│ ${l}`),
    s.dim('└─'),
  ].join('\n');
}

/** What `--dry-run` prints on stderr for each message it would have sent. */
export function renderPreview(p: MessagePreview, o: RenderOptions): string {
  const title = styles(o).bold(`dry run: would send to ${p.channel === 'sns' ? 'SNS' : 'Slack'} ${p.destination}:`);
  const body =
    p.channel === 'slack'
      ? renderSlack(p.destination, p.message.blocks as readonly Block[], o, p.message.text)
      : renderSns(
          p.destination.slice(p.destination.lastIndexOf(':') + 1),
          { subject: p.message.subject, message: p.message.body, attributes: { ...p.message.attributes } },
          o,
        );
  return `${title}\n${body}\n`;
}
