/**
 * The buttons cost-watch puts on its Slack alerts. A button's value is only
 * the ledger key of the alert it is about: the endpoint looks the alert up and
 * acts on what the ledger says, never on the value itself.
 */
export const ACTION_IDS = { acknowledge: 'cost-watch:ack', mute: 'cost-watch:mute', expected: 'cost-watch:expected' } as const;
export type ActionKind = keyof typeof ACTION_IDS;

/** Which action a click is, from its action_id (`cost-watch:mute:3` → mute); undefined for anything else. */
export function actionKindOf(actionId: string): ActionKind | undefined {
  const prefix = actionId.replace(/:\d+$/, '');
  return (Object.keys(ACTION_IDS) as ActionKind[]).find((k) => ACTION_IDS[k] === prefix);
}
