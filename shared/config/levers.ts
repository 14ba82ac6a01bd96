import * as z from 'zod/mini';
import { num, withDefault } from './primitives.js';

/**
 * The savings-lever keys of `report` (contract Part 3): which environments
 * could run on Spot (values of the environment tag), and whether Cost
 * Optimization Hub recommendations are merged in. `spotDiscountPct` is an
 * extra key: the typical Spot discount the Spot lever assumes.
 */

const tagValue = z.string({ error: 'expected a tag value' }).check(z.minLength(1, { error: 'expected a non-empty tag value' }));

export const DEFAULT_SPOT_ENVIRONMENTS = ['dev', 'staging', 'test'];
export const DEFAULT_SPOT_DISCOUNT_PCT = 70;

export const leverKeys = {
  spotEnvironments: withDefault(z.array(tagValue, { error: 'expected an array of environment tag values' }), DEFAULT_SPOT_ENVIRONMENTS),
  environmentTag: withDefault(
    z.string({ error: 'expected a tag key such as "env"' }).check(z.minLength(1, { error: 'expected a non-empty tag key such as "env"' })),
    'env',
  ),
  costOptimizationHub: withDefault(z.boolean({ error: 'expected true or false' }), false),
  spotDiscountPct: withDefault(
    num('expected a percent').check(
      z.gt(0, { error: 'expected a percent above 0 and below 100' }),
      z.lt(100, { error: 'expected a percent above 0 and below 100' }),
    ),
    DEFAULT_SPOT_DISCOUNT_PCT,
  ),
};
