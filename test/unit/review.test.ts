import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load.js';
import { allocate } from '../../shared/review/allocation.js';
import { categorizer, categoryRows, sumByCategory } from '../../shared/review/categories.js';

const SERVICES = new Map([
  ['Amazon Elastic Compute Cloud - Compute', 500],
  ['Amazon Elastic Container Service for Kubernetes', 70],
  ['AWS Lambda', 30],
  ['Amazon Relational Database Service', 200],
  ['Amazon DynamoDB', 20],
  ['Amazon SageMaker', 90],
  ['Claude 3.5 Sonnet (Amazon Bedrock Edition)', 10],
  ['Amazon Simple Storage Service', 60],
  ['EC2 - Other', 40],
  ['Amazon Virtual Private Cloud', 15],
  ['Amazon CloudFront', 25],
  ['AWS Key Management Service', 3],
]);

describe('categories', () => {
  it('maps the contract services to Compute, Database, AI/ML, Storage, Networking and the rest to Other', () => {
    const sums = sumByCategory(SERVICES, categorizer());

    expect(Object.fromEntries(sums)).toEqual({ Compute: 600, Database: 220, 'AI/ML': 100, Storage: 100, Networking: 40, Other: 3 });
  });

  it('uses a configured mapping instead, exact names, unlisted services in Other', () => {
    const of = categorizer({ Platform: ['AWS Lambda', 'Amazon CloudFront'] });

    expect(of('AWS Lambda')).toBe('Platform');
    expect(of('Amazon Elastic Compute Cloud - Compute')).toBe('Other');
  });

  it('gives budget use per category, budget fields null without one, Other last', () => {
    const rows = categoryRows({
      current: new Map([
        ['Compute', 1200],
        ['Other', 5000],
        ['Database', 100],
      ]),
      previous: new Map([
        ['Compute', 1000],
        ['Database', 0],
      ]),
      budgets: { Compute: 1000, 'AI/ML': 400 },
    });

    expect(rows).toEqual([
      { category: 'Compute', amount: 1200, previous: 1000, changePct: 20, budget: 1000, budgetPct: 120 },
      { category: 'Database', amount: 100, previous: 0, changePct: null, budget: null, budgetPct: null },
      { category: 'AI/ML', amount: 0, previous: 0, changePct: null, budget: 400, budgetPct: 0 },
      { category: 'Other', amount: 5000, previous: 0, changePct: null, budget: null, budgetPct: null },
    ]);
  });
});

describe('allocation', () => {
  const targets = { production: 70, staging: 15, development: 10, 'R&D': 5 };

  it('gives each target value its share, target and deviation, plus (untagged)', () => {
    const a = allocate(
      'environment',
      targets,
      new Map([
        ['production', 600],
        ['staging', 200],
        ['development', 100],
        ['', 100],
      ]),
    );

    expect(a.rows).toEqual([
      { tagKey: 'environment', value: 'production', amount: 600, sharePct: 60, targetPct: 70, deviationPts: -10 },
      { tagKey: 'environment', value: 'staging', amount: 200, sharePct: 20, targetPct: 15, deviationPts: 5 },
      { tagKey: 'environment', value: 'development', amount: 100, sharePct: 10, targetPct: 10, deviationPts: 0 },
      { tagKey: 'environment', value: 'R&D', amount: 0, sharePct: 0, targetPct: 5, deviationPts: -5 },
      { tagKey: 'environment', value: '(untagged)', amount: 100, sharePct: 10, targetPct: null, deviationPts: null },
    ]);
    expect(a.notes.map((n) => n.kind)).toEqual(['large-untagged']);
  });

  it('does not call out a small untagged share, and names tag values without a target', () => {
    const a = allocate(
      'environment',
      targets,
      new Map([
        ['production', 900],
        ['sandbox', 60],
        ['', 40],
      ]),
    );

    expect(a.notes.map((n) => n.kind)).toEqual(['untargeted-values']);
    expect(a.notes[0]?.message).toContain('sandbox');
  });

  it('says the tag is not activated instead of showing 100 % untagged', () => {
    const a = allocate('environment', targets, new Map([['', 1000]]));

    expect(a.rows).toEqual([]);
    expect(a.notes).toEqual([
      { tagKey: 'environment', kind: 'not-activated', message: expect.stringContaining('activated as a cost allocation tag') },
    ]);
  });
});

describe('review config', () => {
  const reject = (report: unknown) => {
    try {
      parseConfig({ report });
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected a config error');
  };

  it('accepts the contract keys', () => {
    const c = parseConfig({
      report: {
        categories: { Compute: ['AWS Lambda'] },
        categoryBudgets: { Compute: 100, Other: 5 },
        allocationTargets: { environment: { production: 70, staging: 15, development: 10, 'R&D': 5 } },
      },
    });

    expect(c.report.allocationTargets?.environment?.production).toBe(70);
  });

  it.each([
    [
      { allocationTargets: { environment: { production: 70, staging: 20 } } },
      'report.allocationTargets.environment: expected the percents to sum to 100, got 90',
    ],
    [{ allocationTargets: { team: { a: 120 } } }, 'report.allocationTargets.team.a: expected a percent from 0 to 100'],
    [{ categoryBudgets: { Compte: 10 } }, 'report.categoryBudgets.Compte: expected one of the categories'],
    [{ categories: { A: ['AWS Lambda'], B: ['AWS Lambda'] } }, 'report.categories.B[0]: "AWS Lambda" is already in category "A"'],
    [{ categories: { A: ['x'] }, costCategory: 'Teams' }, 'report.costCategory: expected either report.categories or report.costCategory'],
    [{ categoryBudgets: { Compute: -1 } }, 'report.categoryBudgets.Compute: expected an amount of at least 0'],
  ])('rejects %j naming the key path', (report, message) => {
    expect(reject(report)).toContain(message);
  });
});
