import type * as z from 'zod/mini';
import type { LegacyListName } from '../idle.js';

/**
 * The shapes a waste rule sees: plain data read by the scanner's listings
 * (shared/waste/listings), never SDK types, so rules stay pure and testable.
 */

export type Tags = Readonly<Record<string, string>>;

export interface Ec2Instance {
  readonly id: string;
  readonly instanceType: string;
  readonly state: string;
  readonly launchTime?: string;
  /** When the instance stopped (from its state transition reason); undefined when AWS gave no readable time. */
  readonly stoppedAt?: string;
  /** EBS volumes attached to it. */
  readonly volumeIds: readonly string[];
  readonly tags: Tags;
}

export interface EbsVolume {
  readonly id: string;
  readonly volumeType: string;
  readonly sizeGiB: number;
  readonly iops?: number;
  readonly throughput?: number;
  readonly state: string;
  readonly createTime?: string;
  /** Instance ids it is attached to (empty when available). */
  readonly attachedTo: readonly string[];
  readonly tags: Tags;
}

export interface ElasticIp {
  /** The allocation id (or the public IP when AWS gives no allocation id). */
  readonly id: string;
  readonly publicIp?: string;
  readonly associated: boolean;
  readonly tags: Tags;
}

export interface NatGateway {
  readonly id: string;
  readonly state: string;
  readonly createTime?: string;
  readonly tags: Tags;
}

export interface LoadBalancer {
  readonly arn: string;
  readonly name: string;
  /** application | network | gateway */
  readonly type: string;
  readonly state: string;
  readonly createTime?: string;
  /** CloudWatch's LoadBalancer dimension: `app/<name>/<id>` or `net/<name>/<id>`. */
  readonly dimension: string;
  readonly tags: Tags;
}

export interface Snapshot {
  readonly id: string;
  readonly volumeId?: string;
  readonly sizeGiB: number;
  readonly state: string;
  readonly startTime?: string;
  readonly tags: Tags;
}

export interface MachineImage {
  readonly id: string;
  readonly snapshotIds: readonly string[];
  readonly tags: Tags;
}

export interface DbInstance {
  readonly id: string;
  readonly instanceClass: string;
  readonly engine: string;
  readonly multiAz: boolean;
  readonly status: string;
  readonly createTime?: string;
  readonly tags: Tags;
}

/** Every listing the scanner can make; each is made at most once per scope, whatever number of rules need it. */
export interface Listings {
  readonly instances: readonly Ec2Instance[];
  readonly volumes: readonly EbsVolume[];
  readonly addresses: readonly ElasticIp[];
  readonly natGateways: readonly NatGateway[];
  readonly loadBalancers: readonly LoadBalancer[];
  readonly snapshots: readonly Snapshot[];
  readonly images: readonly MachineImage[];
  readonly dbInstances: readonly DbInstance[];
}

export type ListingName = keyof Listings;

/** One CloudWatch series over the whole window (one datapoint per query, whatever lookbackDays is). */
export interface MetricQuery {
  /** Rule-local key, usually the resource id; the scanner maps it to a GetMetricData query id. */
  readonly key: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly stat: 'Average' | 'Sum' | 'Maximum';
}

/** The values CloudWatch answered for a query key; empty when there were no datapoints. */
export type MetricValues = (key: string) => readonly number[];

export interface RuleContext<O> {
  readonly region: string;
  readonly account: string | null;
  readonly options: O;
  /** The moment of the run: ages are measured from it. */
  readonly now: Date;
  /** The metric window (lookbackDays of whole UTC days ending at the run date). */
  readonly window: { readonly start: Date; readonly end: Date };
  /**
   * Every listing before exempt resources were removed, for existence checks
   * only (is a snapshot's source volume still there?), never for findings.
   */
  readonly unfiltered: Listings;
  /** Part-1 keys every rule may read. */
  readonly idle: { readonly cpuThresholdPct: number; readonly lookbackDays: number };
}

export type Facts = Readonly<Record<string, string | number | boolean | null>>;

export interface RuleFinding {
  readonly id: string;
  readonly resourceType: string;
  readonly name?: string;
  /** One short line of evidence, e.g. "m5.large, avg CPU 1.2%". */
  readonly detail: string;
  /** USD a month; null when the bundled table has no price (listed, never guessed). */
  readonly estimatedMonthlyCost: number | null;
  /** The type that had no price, for the `unpriced` list. */
  readonly priceType?: string;
  readonly facts: Facts;
  /** Ids of other resources whose cost this finding already counts (a stopped instance's volumes). */
  readonly covers?: readonly string[];
}

export interface RuleResult {
  readonly findings: RuleFinding[];
  /** Resources the rule could not judge for lack of metric data. */
  readonly noData?: number;
}

/** How a rule's findings alert and are muted: declared by the rule, read by the job, the CLI and the report. */
export interface RuleAlerting {
  /** The kind in the alert id (`idle-resources|<kind>|…`): part 1's rules keep `instance` and `volume`, so old ids still de-duplicate. */
  readonly kind: string;
  /** What a mute of a finding names: the resource (`instance` whether idle or long-stopped), or the rule's own name. */
  readonly muteScope: string;
  /** The prefix of the ids it finds (`i-`): a mute key of that form means `muteScope` when no --scope is given. */
  readonly idPrefix?: string;
}

/** Part 1's result list a rule's findings also fill (shared/waste/legacy.ts), and the kind the report gives them. */
export interface LegacyList {
  readonly list: LegacyListName;
  readonly reportKind: string;
  /** Its noData is the result's `noData` too (part 1's: running instances without CPU data). */
  readonly noData?: boolean;
}

export interface WasteRule<O extends { enabled: boolean } = { enabled: boolean }> {
  readonly name: string;
  /** Plural noun phrase for messages: "idle instances". */
  readonly title: string;
  /** One short imperative sentence. */
  readonly action: string;
  readonly alerting: RuleAlerting;
  readonly legacy?: LegacyList;
  readonly needs: readonly ListingName[];
  /** `idle.rules.<name>`: a strict object whose every key has a default (shared/config/waste-rules.ts). */
  readonly options: z.ZodMiniType<O>;
  queries?(listings: Listings, ctx: RuleContext<O>): MetricQuery[];
  evaluate(listings: Listings, metrics: MetricValues, ctx: RuleContext<O>): RuleResult;
}

/** A rule of any options type, as the registry and the scanner hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyWasteRule = WasteRule<any>;
