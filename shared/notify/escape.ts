/**
 * Slack mrkdwn escaping for text that comes from AWS (service names, tags,
 * resource names). Slack requires &, < and > as entities; the formatting marks
 * (* _ ~ `) have no escape, so a zero-width space is put beside each to keep a
 * name like `db_prod_*` from turning into italics or bold.
 */
const ZWSP = '\u200b';

export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (m) => `${ZWSP}${m}${ZWSP}`);
}

/** The fallback `text` is not rendered as mrkdwn links, but & < > still need entities. */
export function escapePlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
