import type { Alert } from '../alerts/alert.js';

/** A team's destination (config `ownership.teams.<team tag value>`): a Slack channel and/or an alert topic. */
export interface TeamDestination {
  readonly slack?: { readonly channel: string };
  readonly alertTopicArn?: string;
}

/** Teams that own alerts: what the first ownership tag says, for the teams config lists. */
export interface Owners<A extends Alert> {
  /** Team tag value → its destination. */
  readonly teams: Readonly<Record<string, TeamDestination>>;
  /** The team tag value of what the alert is about; null when it has none. A value no team lists routes by account. */
  readonly teamOf: (alert: A) => string | null;
}

/**
 * The listed team's destination, or undefined (route by account). Own keys only:
 * a tag value such as "constructor" or "__proto__" must not reach Object.prototype.
 */
export function ownerDestinations(team: string | null, owners: Owners<never> | undefined) {
  if (team === null || !owners || !Object.hasOwn(owners.teams, team)) return undefined;
  const t = owners.teams[team]!;
  return { slack: t.slack ? [t.slack.channel] : [], topics: t.alertTopicArn ? [t.alertTopicArn] : [] };
}

/** The listed teams whose alerts reach a destination, sorted. */
export function teamsAt(owners: Owners<never> | undefined, here: (team: string) => boolean): string[] {
  return Object.keys(owners?.teams ?? {})
    .filter(here)
    .sort();
}
