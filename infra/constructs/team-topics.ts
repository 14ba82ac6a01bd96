import type { JobPermission } from './permissions.js';

/**
 * sns:Publish on the teams' own topics (ownership.teams). Only idle-resources
 * routes findings by owner, so only its roles get it. A team topic encrypted with
 * a customer managed key needs that key's policy to allow them too.
 */
export const publishTeams = (r: { readonly teamTopicArns?: readonly string[] }): JobPermission[] =>
  r.teamTopicArns?.length
    ? [
        {
          actions: ['sns:Publish'],
          resources: [...r.teamTopicArns],
          why: "Publishes the waste findings ownership.teams sends to a team's topic.",
        },
      ]
    : [];
