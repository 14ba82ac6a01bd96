import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { ListingName, Listings } from '../../detect/waste/types.js';

export interface Listed<T> {
  readonly items: T[];
  /** Requests made, by operation (pages included), for `requests` and the benchmark. */
  readonly calls: Readonly<Record<string, number>>;
}

/**
 * The SDK clients of one (account, region). Read lazily by the scanner: a
 * scope whose enabled rules need no load balancers never builds the ELB client,
 * so callers may pass getters.
 */
export interface ScopeClients {
  readonly ec2: EC2Client;
  readonly cloudWatch: CloudWatchClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly rds: RDSClient;
  /** The ownership listing (tag:GetResources), not a rule's. */
  readonly tagging: ResourceGroupsTaggingAPIClient;
}

/** The client a listing calls. */
export type ListingService = Exclude<keyof ScopeClients, 'cloudWatch' | 'tagging'>;

/** Where IAM resources are written: CDK tokens in the stack, `${AWS::…}` Fn::Sub variables in the member-account template. */
export interface IamWhere {
  readonly partition: string;
  readonly account: string;
}

/** What the job role and the member-account role must allow for a listing. */
export interface ListingIam {
  readonly actions: readonly string[];
  /** The ARNs the actions are limited to; absent: Resource "*" (the service has no resource-level permissions for them). */
  readonly resources?: (where: IamWhere) => string[];
  /** Why the statement is as wide as it is; listings with the same `why` share one statement. */
  readonly why: string;
}

/** IAM for Describe actions that accept only Resource "*" (EC2's and ELB's). */
export const anyResource = (service: string, actions: readonly string[]): ListingIam => ({
  actions,
  why: `${service} Describe* actions support no resource-level permissions: they only accept Resource "*".`,
});

type Item<K extends ListingName> = Listings[K][number];

/**
 * One resource type the waste scan lists: the service and calls it makes, the
 * IAM actions they need and how the exempt tag applies to it. The scanner, the
 * exemption and the IAM tables (job role and member-account role) read these.
 */
export interface ListingSource<K extends ListingName = ListingName, S extends ListingService = ListingService> {
  readonly name: K;
  readonly service: S;
  /** The API operations it calls, as `requests` counts them. */
  readonly calls: readonly string[];
  readonly iam: ListingIam;
  /** `exemptTag` = true removes an item before any rule sees it; false for a listing rules only read to check existence. */
  readonly exemptTag: boolean;
  /** Items exempt also through an exempt item of another listing (a volume attached to an exempt instance). */
  readonly exemptWith?: { readonly listing: ListingName; readonly ids: (item: Item<K>) => readonly string[] };
  /** The key other listings name this one's items by (`exemptWith`). */
  readonly idOf: (item: Item<K>) => string;
  list(client: ScopeClients[S], region: string): Promise<Listed<Item<K>>>;
}
