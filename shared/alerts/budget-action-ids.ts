/**
 * The buttons on a budget action's Slack message. Their value is only the
 * action record's id: the endpoint reads the record and acts on what the
 * ledger says, never on anything else the click carries.
 */
export const BUDGET_ACTION_IDS = {
  approve: 'cost-watch:budget-approve',
  reject: 'cost-watch:budget-reject',
  undo: 'cost-watch:budget-undo',
} as const;
export type BudgetClick = keyof typeof BUDGET_ACTION_IDS;

/** Which budget action button a click is, from its action_id; undefined for any other element. */
export function budgetClickOf(actionId: string): BudgetClick | undefined {
  return (Object.keys(BUDGET_ACTION_IDS) as BudgetClick[]).find((k) => BUDGET_ACTION_IDS[k] === actionId);
}
