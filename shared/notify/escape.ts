/**
 * Slack mrkdwn escaping for text that comes from AWS (service names, tags,
 * resource names). Slack requires &, < and > as entities; the formatting marks
 * (* _ ~ `) have no escape, so a zero-width space is put beside each to keep a
 * name like `db_prod_*` from turning into italics or bold.
 */
import { stripBidi } from '../text/bidi.js';

const ZWSP = '\u200b';

export function escapeMrkdwn(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`]/g, (m) => `${ZWSP}${m}${ZWSP}`);
}

/** The fallback `text` is not rendered as mrkdwn links, but & < > still need entities. */
export function escapePlain(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A name from AWS on one line: a line break inside a service or budget name
 * would split one item of an SNS body or fallback text into two, the second
 * looking like a line of its own. Bidi controls go too (see stripBidi).
 */
export function oneLine(text: string): string {
  return stripBidi(text).replace(/[\r\n\u2028\u2029\v\f]+/g, ' ');
}
