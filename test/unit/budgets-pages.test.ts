import type { Budget, BudgetsClient, DescribeBudgetsCommand, DescribeBudgetsCommandInput } from '@aws-sdk/client-budgets';
import { describe, expect, it } from 'vitest';
import { describeAllBudgets, listBudgets, toBudgetFacts } from '../../shared/aws/budgets.js';

/*
 * moto answers DescribeBudgets in one page whatever MaxResults says, so the
 * NextToken loop is exercised against this stand-in: the one case no emulator
 * here can produce. Everything else about Budgets is tested against moto.
 */
function pagedClient(total: number, failWith?: Error) {
  const inputs: DescribeBudgetsCommandInput[] = [];
  const budgets: Budget[] = Array.from({ length: total }, (_, i) => ({ BudgetName: `b${i}`, BudgetType: 'COST', TimeUnit: 'MONTHLY' }));
  const client = {
    async send(command: DescribeBudgetsCommand) {
      if (failWith) throw failWith;
      const input = command.input;
      inputs.push(input);
      const from = Number(input.NextToken ?? 0);
      const to = from + (input.MaxResults ?? 100);
      return { Budgets: budgets.slice(from, to), NextToken: to < total ? String(to) : undefined };
    },
  } as unknown as BudgetsClient;
  return { client, inputs };
}

describe('reading every budget', () => {
  it('asks for 100 a page and follows NextToken to the end', async () => {
    const { client, inputs } = pagedClient(250);
    const listing = await listBudgets(client, '123456789012');
    expect(listing.budgets.map((b) => b.BudgetName)).toEqual(Array.from({ length: 250 }, (_, i) => `b${i}`));
    expect(listing.pages).toBe(3);
    expect(inputs.every((i) => i.MaxResults === 100 && i.AccountId === '123456789012')).toBe(true);
  });

  it('reads 100 budgets in a single call', async () => {
    const { client, inputs } = pagedClient(100);
    expect(await describeAllBudgets(client, '123456789012')).toHaveLength(100);
    expect(inputs).toHaveLength(1);
  });

  it('names the missing permission when access is denied', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    const { client } = pagedClient(1, denied);
    await expect(listBudgets(client, '123456789012')).rejects.toThrow(/budgets:ViewBudget/);
  });

  it('maps planned limits from epoch seconds to the day their period starts', () => {
    const nov = String(Date.UTC(2026, 10, 1) / 1000);
    const facts = toBudgetFacts({
      BudgetName: 'planned',
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      TimePeriod: { Start: new Date('2026-01-01T00:00:00Z') },
      PlannedBudgetLimits: { [nov]: { Amount: '250', Unit: 'USD' } },
      CalculatedSpend: { ActualSpend: { Amount: '10.5', Unit: 'USD' }, ForecastedSpend: undefined },
    } as Budget);
    expect(facts).toMatchObject({
      periodStart: '2026-01-01',
      limit: undefined,
      plannedLimits: { '2026-11-01': { amount: 250, unit: 'USD' } },
      actual: { amount: 10.5 },
      forecast: undefined,
    });
  });
});
