import * as z from 'zod/mini';

/** A Slack user id (U…, W… on Enterprise Grid): safe to put into `<@…>` mentions. */
const userId = z.string().check(z.regex(/^[UW][A-Z0-9]{2,40}$/));

const action = z.looseObject({
  type: z.string(),
  action_id: z.string().check(z.maxLength(255)),
  value: z.optional(z.string()),
  /** A menu (static_select) sends the picked option instead of a value. */
  selected_option: z.optional(z.looseObject({ value: z.string() })),
  url: z.optional(z.string()),
});

/** What a click carries: a button's value, or the value of the option picked in a menu. */
export const actionValue = (a: SlackAction): string | undefined => a.value ?? a.selected_option?.value;

/** The fields of a block_actions payload cost-watch reads; the rest is ignored. */
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id: userId, username: z.optional(z.string()), name: z.optional(z.string()) }),
  actions: z.array(action).check(z.minLength(1)),
  container: z.optional(z.looseObject({ channel_id: z.optional(z.string()), message_ts: z.optional(z.string()) })),
  channel: z.optional(z.looseObject({ id: z.optional(z.string()) })),
  message: z.optional(z.looseObject({ text: z.optional(z.string()), blocks: z.optional(z.array(z.looseObject({ type: z.string() }))) })),
});

export type BlockActionsPayload = z.infer<typeof blockActions>;
export type SlackAction = z.infer<typeof action>;

export type ParsedPayload = { ok: true; payload: BlockActionsPayload } | { ok: false; reason: string };

/** Slack posts interactivity as `application/x-www-form-urlencoded` with one field, `payload`, holding JSON. */
export function parsePayload(rawBody: Buffer): ParsedPayload {
  const raw = new URLSearchParams(rawBody.toString('utf8')).get('payload');
  if (raw === null) return { ok: false, reason: 'no payload field' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = blockActions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `payload ${issue?.path.join('.') || ''}: ${issue?.message ?? 'invalid'}`.replace(' :', ':') };
  }
  return { ok: true, payload: parsed.data };
}

/** Who clicked, as stored with a mute. */
export function clickedBy(p: BlockActionsPayload): string {
  const name = p.user.username ?? p.user.name;
  return name ? `${name} (slack ${p.user.id})` : `slack ${p.user.id}`;
}
