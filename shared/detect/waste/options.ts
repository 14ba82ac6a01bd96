import * as z from 'zod/mini';

/**
 * Option schemas for `idle.rules.<rule>`, shared by the rule files so each
 * states only its own keys. Strict: an unknown option exits 2 naming its path.
 */

const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

export const enabled = withDefault(z.boolean({ error: 'expected true or false' }), true);

/** `{ enabled: true }` plus the rule's own keys, each with its default. */
export function ruleOptions<S extends Record<string, z.ZodMiniType>>(shape: S) {
  return z.strictObject({ enabled, ...shape });
}

/** A whole number of days, 0 meaning any age. */
export const days = (fallback: number) =>
  withDefault(z.int({ error: 'expected a whole number of days' }).check(z.gte(0, { error: 'expected 0 or more' }), z.lte(3650, { error: 'expected at most 3650' })), fallback);

export const nonNegative = (fallback: number) =>
  withDefault(z.number({ error: 'expected a number' }).check(z.gte(0, { error: 'expected a number of at least 0' })), fallback);
