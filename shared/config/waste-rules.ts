import * as z from 'zod/mini';

/**
 * `idle.rules.<rule>`: each waste rule's options, and nothing else of the
 * rule. The config schema (and so every Lambda that reads the config, the
 * Slack actions endpoint included) carries these small schemas, never the
 * rules' logic or the price tables; each rule takes its schema from here
 * (shared/detect/waste/rules). Strict: an unknown option exits 2 naming its path.
 */

const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

export const enabled = withDefault(z.boolean({ error: 'expected true or false' }), true);

/** `{ enabled: true }` plus the rule's own keys, each with its default. */
export function ruleOptions<S extends Record<string, z.ZodMiniType>>(shape: S) {
  return z.strictObject({ enabled, ...shape });
}

/** A whole number of days, 0 meaning any age. */
export const days = (fallback: number) =>
  withDefault(
    z
      .int({ error: 'expected a whole number of days' })
      .check(z.gte(0, { error: 'expected 0 or more' }), z.lte(3650, { error: 'expected at most 3650' })),
    fallback,
  );

export const nonNegative = (fallback: number) =>
  withDefault(z.number({ error: 'expected a number' }).check(z.gte(0, { error: 'expected a number of at least 0' })), fallback);

/** One entry per waste rule, in the order messages list the rules (the rule registry follows it). */
export const WASTE_RULE_OPTIONS = {
  'idle-instance': ruleOptions({}),
  'stopped-instance': ruleOptions({ minDays: days(30) }),
  'unattached-volume': ruleOptions({}),
  'gp2-volume': ruleOptions({}),
  'orphaned-snapshot': ruleOptions({ minAgeDays: days(90) }),
  'unassociated-eip': ruleOptions({}),
  'idle-nat-gateway': ruleOptions({ maxGiB: nonNegative(1) }),
  'idle-load-balancer': ruleOptions({}),
  'idle-rds': ruleOptions({}),
} as const;

export type WasteRuleName = keyof typeof WASTE_RULE_OPTIONS;
export const WASTE_RULE_NAMES = Object.keys(WASTE_RULE_OPTIONS) as WasteRuleName[];

/** `idle.rules`: one optional key per rule, each `{ enabled, …options }` with defaults; unknown rules and options rejected. */
export const rulesConfigSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(WASTE_RULE_OPTIONS).map(([name, options]) => [name, z._default(options as z.ZodMiniType, () => options.parse({}))]),
  ) as Record<string, z.ZodMiniDefault<z.ZodMiniType<{ enabled: boolean } & Record<string, unknown>>>>,
);

export type RulesConfig = Readonly<Record<string, { readonly enabled: boolean } & Readonly<Record<string, unknown>>>>;
