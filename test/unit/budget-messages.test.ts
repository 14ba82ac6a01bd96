import { describe, expect, it } from 'vitest';
import { evaluateBudget, type BudgetEvaluation, type BudgetFacts } from '../../shared/detect/budget.js';
import { budgetSlackMessage, budgetSnsMessage, type BudgetAlert } from '../../shared/messages/budgets.js';
import { snsSubject } from '../../shared/notify/sns.js';

const rules = {
  actualThresholds: [
    { pct: 50, severity: 'info' as const },
    { pct: 100, severity: 'emergency' as const },
  ],
  forecastThresholds: [{ pct: 100, severity: 'warning' as const }],
};
const now = new Date('2026-11-20T12:00:00Z');
const context = { currency: 'USD', emergencyMention: '<!here>' };

function evaluation(name: string, actual: number, forecast: number, unit = 'USD'): BudgetEvaluation {
  const facts: BudgetFacts = {
    name,
    budgetType: 'COST',
    timeUnit: 'MONTHLY',
    periodStart: '2026-01-01',
    periodEnd: undefined,
    limit: { amount: 1000, unit },
    plannedLimits: {},
    actual: { amount: actual, unit },
    forecast: { amount: forecast, unit },
  };
  const outcome = evaluateBudget(facts, rules, now);
  if (outcome.status !== 'evaluated') throw new Error(outcome.reason);
  return outcome.evaluation;
}

function alert(e: BudgetEvaluation, kind: 'actual' | 'forecast', pct: number, severity: BudgetAlert['severity']): BudgetAlert {
  const subject = { job: 'budgets', scope: 'budget', key: e.budget, account: null } as const;
  return { alertId: `${e.budget}-${kind}-${pct}`, severity, subject, threshold: { kind, pct, severity }, evaluation: e, covers: [] };
}

describe('budget messages', () => {
  it('writes the percents of budgets under and over their limit with the same decimals', () => {
    const under = evaluation('team-web', 800, 900);
    const over = evaluation('platform', 1050, 1300);
    const msg = budgetSnsMessage([alert(under, 'actual', 50, 'info'), alert(over, 'actual', 100, 'emergency')], context);

    expect(msg.body).toContain('spent 80.0% of its limit');
    expect(msg.body).toContain('spent 105.0% of its limit');
    expect(msg.body).not.toMatch(/\b105%/);
  });

  it('gives the fallback text every fact: name, spent and limit, percent, forecast, days left, per day to stay inside', () => {
    const e = evaluation('team-a', 800, 1300);
    const { text } = budgetSlackMessage([alert(e, 'forecast', 100, 'warning')], context);
    for (const fact of ['team-a', '$800.00', '$1,000.00', '130.0%', '$1,300.00', '11 days left', '$18.18/day', 'warning'])
      expect(text).toContain(fact);
  });

  it('escapes the budget name in blocks and fallback text', () => {
    const e = evaluation('<team>_*prod*', 600, 700);
    const msg = budgetSlackMessage([alert(e, 'actual', 50, 'info')], context);
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).not.toContain('<team>');
    expect(blocks).toContain('&lt;team&gt;');
    expect(msg.text).not.toContain('<team>');
  });

  it('mentions the channel for an emergency only, and not when the mention is turned off', () => {
    const over = evaluation('team-a', 1050, 1200);
    const half = evaluation('team-b', 500, 600);
    expect(budgetSlackMessage([alert(over, 'actual', 100, 'emergency')], context).text.startsWith('<!here> ')).toBe(true);
    expect(JSON.stringify(budgetSlackMessage([alert(over, 'actual', 100, 'emergency')], context).blocks)).toContain('<!here>');
    expect(budgetSlackMessage([alert(half, 'actual', 50, 'info')], context).text).not.toContain('<!here>');
    expect(budgetSlackMessage([alert(over, 'actual', 100, 'emergency')], { ...context, emergencyMention: '' }).text).not.toContain(
      '<!here>',
    );
  });

  it('says how far over the limit an exceeded budget is instead of a daily allowance', () => {
    const { text } = budgetSlackMessage([alert(evaluation('team-a', 1050, 1200), 'actual', 100, 'emergency')], context);
    expect(text).toContain('already $50.00 over the limit');
  });

  it('states the unit of a budget kept in another currency', () => {
    const { text } = budgetSlackMessage([alert(evaluation('eu-team', 950, 990, 'EUR'), 'actual', 50, 'info')], context);
    expect(text).toContain('amounts in EUR');
    expect(text).toContain('€950.00');
  });

  it('writes an SNS subject SNS accepts, leading with the worst alert, and tags job and severity', () => {
    const long = evaluation('x'.repeat(150), 1050, 1200);
    const msg = budgetSnsMessage(
      [alert(evaluation('team-b', 500, 1100), 'forecast', 100, 'warning'), alert(long, 'actual', 100, 'emergency')],
      context,
    );
    expect(msg.subject.startsWith('[emergency]')).toBe(true);
    expect(snsSubject(msg.subject).length).toBeLessThan(100);
    expect(msg.attributes).toEqual({ job: 'budgets', severity: 'emergency' });
    expect(msg.body).toContain('team-b');
  });

  it('escapes a budget unit from AWS so `<!channel>` never pings, in blocks, fallback text and SNS', () => {
    const e = evaluation('team-\u202ered', 600, 700, '<!channel>');
    const slack = budgetSlackMessage([alert(e, 'actual', 50, 'info')], context);
    const sns = budgetSnsMessage([alert(e, 'actual', 50, 'info')], context);
    const blocks = JSON.stringify(slack.blocks);

    for (const out of [blocks, slack.text]) {
      expect(out).not.toContain('<!channel>');
      expect(out).toContain('&lt;!channel&gt;');
      expect(out).not.toContain('\u202e');
    }
    expect(blocks).toContain('(amounts in &lt;!channel&gt;)');
    expect(sns.body).toContain('amounts in <!channel>');
    expect(sns.body + sns.subject).not.toContain('\u202e');
  });
});
