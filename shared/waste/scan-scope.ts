import { errorMessage } from '../aws/errors.js';
import { accountIdOf } from '../aws/scopes.js';
import type { RulesConfig } from '../config/waste-rules.js';
import { WASTE_RULES } from '../detect/waste/registry.js';
import type { AnyWasteRule, ListingName, Listings, MetricQuery, RuleContext, RuleFinding, WasteRule } from '../detect/waste/types.js';
import { applyExemption } from './exemption.js';
import { legacyNoData } from './legacy.js';
import { emptyListings, makeListing, type ScopeClients } from './listings/index.js';
import { fetchMetrics } from './metrics.js';
import type { Finding, RuleError, RuleSummary, ScopeScan, Unpriced, WasteScope } from './types.js';
import { CostWatchError, ERROR_CODES } from '../errors.js';
import { exemptIds, ownerTagsById } from './inventory.js';
import { scopeOwnership, startTaggedListing, type OwnershipSettings } from './ownership-scan.js';
import type { OwnerTags } from '../detect/ownership/types.js';

export interface ScanSettings {
  /** `idle.rules` from config (defaults applied). */
  readonly rules: RulesConfig;
  readonly exemptTag: string;
  readonly cpuThresholdPct: number;
  readonly lookbackDays: number;
  /** Metric window: whole UTC days ending at the run date. */
  readonly window: { readonly start: Date; readonly end: Date };
  /** The moment of the run; ages are measured from it. */
  readonly now: Date;
  /** The rules to run. @default WASTE_RULES */
  readonly registry?: readonly AnyWasteRule[];
  /** `ownership`: the scope's unassigned resources (one GetResources listing) and each finding's ownership tags. */
  readonly ownership?: OwnershipSettings;
}

/** Thrown when every listing a scope needed failed: the scope as a whole was not scanned (a regionErrors entry). */
export class ScopeFailedError extends CostWatchError {
  readonly code = ERROR_CODES.scopeFailed;
}

const lowerFirst = (op: string) => op.charAt(0).toLowerCase() + op.slice(1);
type AnyRule = WasteRule<{ enabled: boolean }>;

type AnyRuleContext = RuleContext<{ enabled: boolean }>;
type CountCalls = (calls: Readonly<Record<string, number>>) => void;
type Evaluated = Array<{ rule: AnyRule; finding: RuleFinding }>;

/**
 * Scans one (account, region) with every enabled rule: each listing the rules
 * need is made once, every metric query of every rule goes into the same
 * GetMetricData batches, the exemption tag is applied to every resource type,
 * and a failing listing only fails the rules that need it.
 */
export async function scanScope(clients: ScopeClients, scope: WasteScope, settings: ScanSettings): Promise<ScopeScan> {
  const rules = ((settings.registry ?? WASTE_RULES) as readonly AnyRule[]).filter((r) => settings.rules[r.name]?.enabled ?? true);
  const requests: Record<string, number> = {};
  const count: CountCalls = (calls) => {
    for (const [op, n] of Object.entries(calls)) requests[lowerFirst(op)] = (requests[lowerFirst(op)] ?? 0) + n;
  };
  // The ownership listing runs beside the waste listings; its failure fails no rule.
  const taggedListing = settings.ownership && startTaggedListing(clients, scope.region);
  const { all, failedListings } = await listAll(clients, scope.region, rules, count);

  const ruleErrors: RuleError[] = [];
  const fail = (rule: AnyRule, message: string) =>
    ruleErrors.push({ account: accountIdOf(scope), region: scope.region, rule: rule.name, message });
  const runnable = rules.filter((r) => {
    const broken = r.needs.find((n) => failedListings.has(n));
    if (broken) fail(r, failedListings.get(broken)!);
    return !broken;
  });

  const unfiltered = all as unknown as Listings;
  const { kept, tagged } = applyExemption(unfiltered, settings.exemptTag);
  const ctxFor = (r: AnyRule): AnyRuleContext => ({
    region: scope.region,
    account: accountIdOf(scope),
    options: settings.rules[r.name] ?? r.options.parse({}),
    now: settings.now,
    window: settings.window,
    unfiltered,
    idle: { cpuThresholdPct: settings.cpuThresholdPct, lookbackDays: settings.lookbackDays },
  });
  const { raw, noDataByRule } = await evaluateRules(runnable, kept, ctxFor, { clients, scope, settings, count, fail });
  const owners = ownerTagsById(unfiltered, settings.ownership?.keys ?? []);
  const { findings, byRule, unpriced, coveredIds } = countedFindings(raw, noDataByRule, scope, (id) => owners.get(id) ?? {});
  const listing = taggedListing && (await taggedListing);
  if (listing?.ok) count(listing.listed.calls);
  const where = { account: accountIdOf(scope), region: scope.region };
  const ownership = listing && (await scopeOwnership(listing, kept, where, settings.ownership!, settings.exemptTag));
  return {
    scope,
    findings,
    ruleErrors,
    requests,
    runningInstances: unfiltered.instances.filter((i) => i.state === 'running').length,
    exempt: tagged,
    noData: legacyNoData(noDataByRule),
    unpriced,
    byRule,
    exemptIds: exemptIds(unfiltered, kept),
    coveredIds,
    ...(ownership ? { ownership } : {}),
  };
}

/** Makes each listing the rules need once; throws when every one of them failed (the scope as a whole was not scanned). */
async function listAll(clients: ScopeClients, region: string, rules: readonly AnyRule[], count: CountCalls) {
  const needed = [...new Set(rules.flatMap((r) => r.needs))];
  const failedListings = new Map<ListingName, string>();
  const all: Record<string, unknown> = { ...emptyListings() };
  await Promise.all(
    needed.map(async (name) => {
      try {
        const listed = await makeListing(name, clients, region);
        all[name] = listed.items;
        count(listed.calls);
      } catch (err) {
        failedListings.set(name, errorMessage(err));
      }
    }),
  );
  if (needed.length && failedListings.size === needed.length) throw new ScopeFailedError([...new Set(failedListings.values())].join('; '));
  return { all, failedListings };
}

/** Runs each rule on the kept resources, with one GetMetricData batch set for all of them; a failing rule fails alone. */
async function evaluateRules(
  runnable: readonly AnyRule[],
  kept: Listings,
  ctxFor: (r: AnyRule) => AnyRuleContext,
  run: {
    clients: ScopeClients;
    scope: WasteScope;
    settings: ScanSettings;
    count: CountCalls;
    fail: (rule: AnyRule, message: string) => void;
  },
): Promise<{ raw: Evaluated; noDataByRule: Map<string, number> }> {
  // One batch set for all rules: each query remembers its rule and key.
  const queries: Array<MetricQuery & { rule: string }> = runnable.flatMap((r) =>
    (r.queries?.(kept, ctxFor(r)) ?? []).map((q) => ({ ...q, rule: r.name })),
  );
  const byKey = new Map<string, number[]>();
  let metricsError: string | undefined;
  if (queries.length) {
    try {
      const answers = await fetchMetrics(run.clients.cloudWatch, run.scope.region, queries, run.settings.window);
      queries.forEach((q, i) => byKey.set(`${q.rule}\u0000${q.key}`, answers.values[i]!));
      run.count({ GetMetricData: answers.requests });
    } catch (err) {
      metricsError = errorMessage(err);
    }
  }

  const raw: Evaluated = [];
  const noDataByRule = new Map<string, number>();
  for (const rule of runnable) {
    if (metricsError && queries.some((q) => q.rule === rule.name)) {
      run.fail(rule, metricsError);
      continue;
    }
    try {
      const result = rule.evaluate(kept, (key) => byKey.get(`${rule.name}\u0000${key}`) ?? [], ctxFor(rule));
      for (const finding of result.findings) raw.push({ rule, finding });
      noDataByRule.set(rule.name, result.noData ?? 0);
    } catch (err) {
      run.fail(rule, errorMessage(err));
    }
  }
  return { raw, noDataByRule };
}

/** Each dollar counted once: a resource priced inside another finding (a stopped instance's volumes) is not a finding of its own. */
function countedFindings(raw: Evaluated, noDataByRule: ReadonlyMap<string, number>, scope: WasteScope, tagsOf: (id: string) => OwnerTags) {
  const covered = new Map<string, string>();
  for (const { rule, finding } of raw) for (const id of finding.covers ?? []) covered.set(id, rule.name);
  const counted = raw.filter(({ rule, finding }) => (covered.get(finding.id) ?? rule.name) === rule.name);
  const byRule: RuleSummary[] = [...noDataByRule].map(([rule, noData]) => ({
    rule,
    findings: counted.filter((c) => c.rule.name === rule).length,
    noData,
  }));

  const findings: Finding[] = counted.map(({ rule, finding: f }) => ({
    rule: rule.name,
    account: accountIdOf(scope),
    region: scope.region,
    id: f.id,
    resourceType: f.resourceType,
    ...(f.name ? { name: f.name } : {}),
    detail: f.detail,
    estimatedMonthlyCost: f.estimatedMonthlyCost,
    action: rule.action,
    facts: f.facts,
    tags: tagsOf(f.id),
  }));
  const unpriced = new Map<string, Unpriced>();
  for (const { rule, finding: f } of counted) {
    if (f.estimatedMonthlyCost !== null) continue;
    const type = f.priceType ?? f.resourceType;
    const k = `${rule.name}|${type}`;
    unpriced.set(k, { rule: rule.name, region: scope.region, type, count: (unpriced.get(k)?.count ?? 0) + 1 });
  }
  return { findings, byRule, unpriced: [...unpriced.values()], coveredIds: [...covered.keys()] };
}
