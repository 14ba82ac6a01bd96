import * as z from 'zod/mini';
import { COMMERCIAL_REGIONS } from './region-names.js';

/** Building blocks of the config schema, each with the message a person reads when it fails. */

/** JSON's 1e400 parses to Infinity: say so, rather than "expected a number" for something that looks like one. */
export const num = (error = 'expected a number') =>
  z.number({
    error: (i) =>
      typeof i.input === 'number' && !Number.isFinite(i.input) ? 'expected a number, but it is too large to represent' : error,
  });
export const int = () => z.int({ error: 'expected a whole number' });
export const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

export const pct = (max = 1000) =>
  num().check(z.positive({ error: 'expected a number above 0' }), z.maximum(max, { error: `expected at most ${max}` }));
export const money = num().check(z.nonnegative({ error: 'expected a number of at least 0' }));

export const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const KNOWN_REGIONS = new Set(COMMERCIAL_REGIONS);
/**
 * A region name that exists: "us-east-9" has the right shape but would pass
 * validate-config and synth and then fail every run in Lambda.
 */
export const knownRegion = (example: string) =>
  z.string({ error: `expected an AWS region name such as "${example}"` }).check(
    z.regex(AWS_REGION, { error: `expected an AWS region name such as "${example}"` }),
    z.refine((r) => KNOWN_REGIONS.has(r), {
      error: (i) => `unknown region "${String(i.input)}": expected a commercial AWS region such as "${example}"`,
    }),
  );

export const accountId = z
  .string({ error: 'expected a 12-digit AWS account id' })
  .check(z.regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account id' }));
export const accountList = z.array(accountId, { error: 'expected an array of 12-digit AWS account ids' });
export const snsArn = z
  .string({ error: 'expected an SNS topic ARN' })
  .check(z.regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]+$/, { error: 'expected an SNS topic ARN' }));
