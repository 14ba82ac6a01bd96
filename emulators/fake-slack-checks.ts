import type { AnyBlock } from '@slack/types';

/** A lone half of a surrogate pair: what cutting an emoji in two leaves behind. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every `text` string anywhere in the blocks, with its JSON path. */
function texts(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}/${i}`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'text' && typeof v === 'string') out.push([`${path}/text`, v]);
      else texts(v, `${path}/${k}`, out);
    }
  return out;
}

/** Slack's own checks that a sloppy message fails in production: too long, too many blocks, broken characters. */
export function checkMessage(text: string, blocks: AnyBlock[]): { error: string; errors?: string[] } | undefined {
  if (text.length > 40_000) return { error: 'msg_too_long' };
  if (LONE_SURROGATE.test(text)) return { error: 'invalid_arguments', errors: ['text contains a broken character'] };
  if (blocks.length > 50) return { error: 'invalid_blocks', errors: ['no more than 50 items allowed [json-pointer:/blocks]'] };
  for (const [path, t] of texts(blocks, '/blocks')) {
    if (LONE_SURROGATE.test(t)) return { error: 'invalid_blocks', errors: [`invalid character [json-pointer:${path}]`] };
    const max = path.includes('/fields/') ? 2000 : 3000;
    if (t.length > max) return { error: 'invalid_blocks', errors: [`must be less than ${max + 1} characters [json-pointer:${path}]`] };
  }
  return undefined;
}
