/**
 * Shows a Block Kit message in a terminal roughly as Slack draws it, so the
 * demo's reader sees what on-call will see.
 */
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

interface TextObject {
  type: string;
  text: string;
}
interface Block {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: TextObject[];
  accessory?: { type: string; text?: TextObject; url?: string };
}

function mrkdwn(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/<!here>/g, '@here')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, `$1${BOLD}$2${RESET}`)
    .replace(/(^|[\s(])_([^_\n]+)_/g, `$1${DIM}$2${RESET}`)
    .replace(/`([^`]+)`/g, '$1')
    .replace(/:rotating_light:/g, '🚨')
    .replace(/:warning:/g, '⚠️ ')
    .replace(/:information_source:/g, 'ℹ️ ')
    .replace(/:moneybag:/g, '💰')
    .replace(/:[a-z_]+:/g, '•')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function renderSlack(channel: string, blocks: readonly Block[]): string {
  const out: string[] = [`${DIM}┌─ Slack ${channel}${RESET}`];
  const line = (t: string) => out.push(...t.split('\n').map((l) => `│ ${l}`));
  for (const b of blocks) {
    if (b.type === 'header' && b.text) line(`${BOLD}${mrkdwn(b.text.text)}${RESET}`);
    else if (b.type === 'divider') line(`${DIM}${'─'.repeat(60)}${RESET}`);
    else if (b.type === 'context') line(`${DIM}${(b.elements ?? []).map((e) => mrkdwn(e.text)).join('  ')}${RESET}`);
    else if (b.type === 'section') {
      if (b.text) line(mrkdwn(b.text.text));
      const fields = (b.fields ?? []).map((f) => mrkdwn(f.text).replace(/\n/g, ': '));
      for (let i = 0; i < fields.length; i += 2) line(`   ${(fields[i] ?? '').padEnd(42)} ${fields[i + 1] ?? ''}`);
      // A link button: a clickable OSC 8 hyperlink where the terminal supports it, the start of the URL either way.
      const link = b.accessory?.url;
      if (link) line(`   [\x1b]8;;${link}\x1b\\${b.accessory?.text?.text ?? 'Open'}\x1b]8;;\x1b\\] ${DIM}${link.slice(0, 76)}…${RESET}`);
    }
  }
  out.push(`${DIM}└─${RESET}`);
  return out.join('\n');
}

export function renderSns(topic: string, m: { subject?: string; message: string; attributes: Record<string, string> }): string {
  const attrs = Object.entries(m.attributes).map(([k, v]) => `${k}=${v}`).join(' ');
  return [`${DIM}┌─ SNS ${topic} (${attrs})${RESET}`, `│ ${BOLD}Subject: ${m.subject ?? ''}${RESET}`, ...m.message.split('\n').map((l) => `│ ${l}`), `${DIM}└─${RESET}`].join('\n');
}
