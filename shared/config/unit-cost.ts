import * as z from 'zod/mini';
import { knownRegion, num, withDefault } from './primitives.js';

/**
 * `unitCost`: the business metric cost is steered by (cost per lead, per order…).
 * The CloudWatch metric's statistic over each UTC day is that day's units.
 */
export const UNIT_STATS = ['Sum', 'SampleCount', 'Average', 'Maximum', 'Minimum'] as const;
const nonEmpty = (what: string, max = 255) =>
  z
    .string({ error: `expected ${what}` })
    .check(z.minLength(1, { error: `expected ${what}` }), z.maxLength(max, { error: `expected at most ${max} characters` }));

export const unitMetricSchema = z.strictObject(
  {
    namespace: nonEmpty('a CloudWatch namespace such as "LeadRouter"'),
    metricName: nonEmpty('a CloudWatch metric name such as "LeadsDistributed"'),
    dimensions: withDefault(
      z
        .record(nonEmpty('a dimension name'), nonEmpty('a dimension value', 1024), {
          error: 'expected an object of dimension name to value',
        })
        .check(z.refine((d) => Object.keys(d).length <= 30, { error: 'expected at most 30 dimensions' })),
      {},
    ),
    stat: withDefault(z.enum(UNIT_STATS, { error: `expected one of ${UNIT_STATS.join(', ')}` }), 'Sum'),
    /** @default the region the job runs in */
    region: z.optional(knownRegion('us-east-1')),
  },
  { error: 'expected an object { namespace, metricName, dimensions?, stat?, region? }' },
);

export const unitCostSchema = z.strictObject(
  {
    unit: nonEmpty('a unit name such as "lead"', 64),
    target: num('expected a number (the target cost per unit)').check(z.positive({ error: 'expected a number above 0' })),
    metric: unitMetricSchema,
  },
  { error: 'expected an object { unit, target, metric }' },
);
export type UnitCostConfig = z.output<typeof unitCostSchema>;
export type UnitMetric = z.output<typeof unitMetricSchema>;
