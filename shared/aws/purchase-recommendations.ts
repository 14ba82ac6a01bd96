import {
  GetReservationPurchaseRecommendationCommand,
  GetSavingsPlansPurchaseRecommendationCommand,
  type CostExplorerClient,
  type Expression,
  type ReservationPurchaseRecommendationDetail,
} from '@aws-sdk/client-cost-explorer';
import { roundCents } from '../money.js';
import type { CommitmentItem } from '../review/levers/types.js';
import { attemptsOf } from './attempts.js';

/**
 * What to buy, as Cost Explorer recommends it from the last 30 days: a
 * Compute Savings Plan, and RDS and ElastiCache reservations, each 1 year, no
 * upfront. Each answer is a list of purchases (per account with a choice of
 * accounts, else for the payer). Requests are counted per HTTP attempt, pages
 * included; a failure carries the count made so far.
 */

const TERMS = { TermInYears: 'ONE_YEAR', PaymentOption: 'NO_UPFRONT', LookbackPeriodInDays: 'THIRTY_DAYS' } as const;
const HOURS_PER_MONTH = 730;
export const RESERVABLE_SERVICES = ['Amazon Relational Database Service', 'Amazon ElastiCache'] as const;
export type ReservableService = (typeof RESERVABLE_SERVICES)[number];

export interface PurchaseResult {
  readonly items: CommitmentItem[];
  readonly requests: number;
}

const num = (s: string | undefined) => (s === undefined || s === '' || !Number.isFinite(Number(s)) ? null : Number(s));
const money = (n: number | null) => roundCents(n ?? 0);
const failed = (err: unknown, requests: number) => Object.assign(err as object, { requests: requests + attemptsOf(err) });

/** `filter`: LINKED_ACCOUNT values (the only dimension these operations take); the purchases are then per account. */
export async function readSavingsPlansPurchase(ce: CostExplorerClient, filter?: Expression): Promise<PurchaseResult> {
  const items: CommitmentItem[] = [];
  let requests = 0;
  let token: string | undefined;
  try {
    do {
      const page = await ce.send(
        new GetSavingsPlansPurchaseRecommendationCommand({
          SavingsPlansType: 'COMPUTE_SP',
          ...TERMS,
          AccountScope: filter ? 'LINKED' : 'PAYER',
          Filter: filter,
          NextPageToken: token,
        }),
      );
      requests += attemptsOf(page);
      for (const d of page.SavingsPlansPurchaseRecommendation?.SavingsPlansPurchaseRecommendationDetails ?? []) {
        const hourly = num(d.HourlyCommitmentToPurchase);
        const savings = money(num(d.EstimatedMonthlySavingsAmount));
        const upfront = money(num(d.UpfrontCost));
        const account = filter ? (d.AccountId ?? null) : null;
        items.push({
          kind: 'savings-plan',
          service: 'Compute Savings Plans',
          account,
          purchase: `Compute Savings Plan at $${hourly ?? 0}/hour, 1 year, no upfront`,
          instanceType: null,
          region: null,
          quantity: null,
          hourlyCommitment: hourly,
          upfrontCost: upfront,
          estimatedMonthlySavings: savings,
          breakEvenMonths: savings > 0 ? Math.round((upfront / savings) * 10) / 10 : null,
          usage: `compute:${account ?? 'payer'}`,
          resource: `commitments:compute:${account ?? 'payer'}`,
        });
      }
      token = page.NextPageToken;
    } while (token);
  } catch (err) {
    throw failed(err, requests);
  }
  return { items, requests };
}

function reservation(service: ReservableService, d: ReservationPurchaseRecommendationDetail, perAccount: boolean): CommitmentItem {
  const rds = d.InstanceDetails?.RDSInstanceDetails;
  const cache = d.InstanceDetails?.ElastiCacheInstanceDetails;
  const type = rds?.InstanceType ?? cache?.NodeType ?? null;
  const region = rds?.Region ?? cache?.Region ?? null;
  const detail = [rds?.DatabaseEngine ?? cache?.ProductDescription, rds?.DeploymentOption].filter(Boolean).join(' ');
  const quantity = num(d.RecommendedNumberOfInstancesToPurchase) ?? 0;
  const savings = money(num(d.EstimatedMonthlySavingsAmount));
  const recurring = num(d.RecurringStandardMonthlyCost);
  const account = perAccount ? (d.AccountId ?? null) : null;
  const usage = [service === 'Amazon ElastiCache' ? 'elasticache' : 'rds', account ?? 'payer', type, region, detail].join(':');
  return {
    kind: 'reserved-instance',
    service,
    account,
    purchase: `${quantity} × ${type ?? 'unknown'}${detail ? ` ${detail}` : ''}${region ? ` in ${region}` : ''}, 1 year, no upfront`,
    instanceType: type,
    region,
    quantity,
    hourlyCommitment: recurring === null ? null : Math.round((recurring / HOURS_PER_MONTH) * 1e4) / 1e4,
    upfrontCost: money(num(d.UpfrontCost)),
    estimatedMonthlySavings: savings,
    breakEvenMonths: num(d.EstimatedBreakEvenInMonths),
    usage,
    resource: `commitments:${usage}`,
  };
}

/** Reservations to buy for one service (RDS or ElastiCache). */
export async function readReservationPurchase(
  ce: CostExplorerClient,
  service: ReservableService,
  filter?: Expression,
): Promise<PurchaseResult> {
  const items: CommitmentItem[] = [];
  let requests = 0;
  let token: string | undefined;
  try {
    do {
      const page = await ce.send(
        new GetReservationPurchaseRecommendationCommand({
          Service: service,
          ...TERMS,
          AccountScope: filter ? 'LINKED' : 'PAYER',
          Filter: filter,
          NextPageToken: token,
        }),
      );
      requests += attemptsOf(page);
      for (const r of page.Recommendations ?? [])
        for (const d of r.RecommendationDetails ?? []) items.push(reservation(service, d, !!filter));
      token = page.NextPageToken;
    } while (token);
  } catch (err) {
    throw failed(err, requests);
  }
  return { items, requests };
}
