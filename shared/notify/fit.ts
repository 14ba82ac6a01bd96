import { clip, clipBytes, utf8Bytes } from '../text/clip.js';
import { ITEM_LINE_MAX_CHARS, SLACK_TEXT_MAX_CHARS, SNS_BODY_MAX_BYTES } from './limits.js';

export interface FitOptions {
  /** Text before the list, its own separator included (`"3 budgets crossed: "`). @default '' */
  readonly head?: string;
  /** One entry per item, most important first; each is clipped to ITEM_LINE_MAX_CHARS. */
  readonly items: readonly string[];
  /** Text after the list, its own separator included. @default '' */
  readonly tail?: string;
  /** Between items, and before the "…and N more" note. */
  readonly separator: string;
  /** Says how many items were left out, e.g. `…and 3 more budgets`. */
  readonly more: (omitted: number) => string;
  readonly max: number;
  /** @default length in UTF-16 units (Slack); utf8Bytes for SNS */
  readonly measure?: (text: string) => number;
  /**
   * Each item is clipped to this many characters;
   * Infinity when the caller clipped what may be clipped (a link must stay whole).
   * @default ITEM_LINE_MAX_CHARS
   */
  readonly itemMax?: number;
  /** Cuts text to `max` in the same unit as `measure`. @default clip */
  readonly cut?: (text: string, max: number) => string;
}

/**
 * Lists as many items as fit within `max`, in order, and says how many were
 * left out: an SNS body or a Slack fallback text never grows past its limit
 * however many budgets or services a run finds, and the reader knows the list
 * is not complete.
 */
export function fitItems(o: FitOptions): string {
  const measure = o.measure ?? ((t: string) => t.length);
  const items = o.items.map((i) => clip(i, o.itemMax ?? ITEM_LINE_MAX_CHARS));
  const head = o.head ?? '';
  const tail = o.tail ?? '';
  const render = (kept: number) => {
    const list = items.slice(0, kept);
    if (kept < items.length) list.push(o.more(items.length - kept));
    return `${head}${list.join(o.separator)}${tail}`;
  };
  const all = render(items.length);
  if (measure(all) <= o.max) return all;
  // Grow the kept prefix while the text, its "…and N more" note included, still fits.
  let used = measure(render(0));
  let kept = 0;
  for (; kept < items.length; kept++) {
    // The note shrinks by at most a digit as kept grows, so this errs on the safe side.
    const step = measure(items[kept]!) + measure(o.separator);
    if (used + step > o.max) break;
    used += step;
  }
  return (o.cut ?? clip)(render(kept), o.max);
}

/** The Slack fallback `text`: at most SLACK_TEXT_MAX_CHARS characters. */
export const fitSlackText = (o: Omit<FitOptions, 'max' | 'measure' | 'cut'>) => fitItems({ ...o, max: SLACK_TEXT_MAX_CHARS });

/** An SNS body: at most SNS_BODY_MAX_BYTES bytes of UTF-8. */
export const fitSnsBody = (o: Omit<FitOptions, 'max' | 'measure' | 'cut'>) =>
  fitItems({ ...o, max: SNS_BODY_MAX_BYTES, measure: utf8Bytes, cut: clipBytes });
