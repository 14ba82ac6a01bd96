/**
 * Cutting text without breaking it: never between the two halves of a
 * surrogate pair (an emoji; Slack answers `invalid_blocks`), never inside an
 * HTML entity such as `&amp;` (Slack shows the broken remains), and within a
 * UTF-8 byte budget where the limit is in bytes (SNS).
 */

const ELLIPSIS = '…';
/** An entity as escapeMrkdwn/escapePlain write them, or a numeric one. */
const OPEN_ENTITY = /&(?:[a-zA-Z]{0,8}|#[0-9]{0,7}|#x[0-9a-fA-F]{0,6})$/;

/** The largest cut ≤ `at` (UTF-16 index) that splits neither a surrogate pair nor an entity. */
export function safeCut(text: string, at: number): number {
  let cut = Math.max(0, Math.min(at, text.length));
  if (cut > 0 && cut < text.length && isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  const tail = OPEN_ENTITY.exec(text.slice(Math.max(0, cut - 10), cut));
  // Only an entity that really closes after the cut counts; a lone "&" stays.
  if (tail && /^[a-zA-Z0-9#]*;/.test(text.slice(cut, cut + 12))) cut -= tail[0].length;
  return cut;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** `text` in at most `max` UTF-16 units (Slack's and JavaScript's length), `…` marking a cut. */
export function clip(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safeCut(text, Math.max(0, max - ellipsis.length)))}${ellipsis}`;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** `text` in at most `maxBytes` UTF-8 bytes, `…` marking a cut. */
export function clipBytes(text: string, maxBytes: number, ellipsis = ELLIPSIS): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const room = maxBytes - utf8Bytes(ellipsis);
  // Each UTF-16 unit is at most 3 bytes and a pair 4, so start there and move up or down by bisection.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (utf8Bytes(text.slice(0, safeCut(text, mid))) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, safeCut(text, lo))}${ellipsis}`;
}
