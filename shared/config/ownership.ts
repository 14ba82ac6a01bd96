import * as z from 'zod/mini';
import { slackChannelName } from './notify.js';
import { snsArn, withDefault } from './primitives.js';

/**
 * `ownership`: the tag keys every resource should carry (the first one names
 * its team) and, per team tag value, where that team's findings go (the
 * contract's "Weekly ownership digest").
 */

/** AWS tag keys: 1–128 characters. */
const tagKey = z
  .string({ error: 'expected a tag key such as "team"' })
  .check(z.minLength(1, { error: 'expected a tag key such as "team"' }), z.maxLength(128, { error: 'expected at most 128 characters' }));

const teamDestination = z
  .strictObject({
    slack: z.optional(z.strictObject({ channel: slackChannelName })),
    alertTopicArn: z.optional(snsArn),
  })
  .check(
    z.superRefine((team, ctx) => {
      if (!team.slack && !team.alertTopicArn)
        ctx.addIssue({ code: 'custom', path: [], message: 'expected at least one destination: slack or alertTopicArn', input: team });
    }),
  );
export type TeamDestination = z.output<typeof teamDestination>;

export const ownershipSchema = z.strictObject({
  tags: withDefault(
    z.array(tagKey, { error: 'expected an array of tag keys such as ["team", "env"]' }).check(
      z.minLength(1, { error: 'expected at least one tag key: the first one names the team that owns a resource' }),
      z.refine((keys) => new Set(keys).size === keys.length, { error: 'expected each tag key once' }),
    ),
    ['team'],
  ),
  /** Team tag value (of the first key) → that team's destination. */
  teams: withDefault(
    z.record(
      z
        .string()
        .check(z.minLength(1, { error: 'expected a team tag value' }), z.maxLength(256, { error: 'expected at most 256 characters' })),
      teamDestination,
      { error: 'expected an object mapping team tag values to { slack?, alertTopicArn? }' },
    ),
    {},
  ),
});
export type OwnershipConfig = z.output<typeof ownershipSchema>;
