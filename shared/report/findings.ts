import * as z from 'zod/mini';
import { WASTE_RULES } from '../detect/waste/registry.js';
import { formatPercent } from '../format.js';
import { roundCents } from '../money.js';
import { reportKindOf, reportKindOfList, ruleOfReportItem } from '../waste/legacy.js';
import { addDays, monthEndExclusive, type IsoDate, type IsoMonth } from '../time/dates.js';
import type { ResolvedFinding } from '../detect/ownership/types.js';

/** Where the idle-resources job leaves its result, one object a run: `findings/idle-resources/<YYYY-MM-DD>.json`. */
export const FINDINGS_PREFIX = 'findings/idle-resources/';
const FINDINGS_KEY = /^findings\/idle-resources\/(\d{4}-\d{2}-\d{2})\.json$/;

export interface WasteItem {
  /** 'idle instance', 'unattached volume', or the rule name of the other waste rules. */
  readonly kind: string;
  readonly rule?: string;
  readonly account?: string;
  readonly id: string;
  readonly region: string;
  readonly detail: string;
  /** null when the bundled price table does not know the type: listed, never guessed. */
  readonly estimatedMonthlyCost: number | null;
  /** The ownership tags its resource carried (absent in older files). */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface WasteSummary {
  /** The day of the idle-resources run the figures come from. */
  readonly asOf: IsoDate;
  readonly key: string;
  /** Most expensive first. */
  readonly items: WasteItem[];
  readonly estimatedMonthlySavings: number;
  /** Every waste rule, found something or not, so the report shows what was checked. */
  readonly byRule?: WasteRuleLine[];
  /** The run's realized savings: findings of the run before it that were gone (absent in older files). */
  readonly resolved?: ResolvedFinding[];
  /** The run's untagged share of the last 7 days' spend; null when unknown, absent in older files. */
  readonly untaggedSharePct?: number | null;
}

export interface WasteRuleLine {
  readonly rule: string;
  readonly title: string;
  readonly action: string;
  readonly findings: number;
  readonly estimatedMonthlyCost: number;
}

/** Every findings object with its date, oldest first. */
export function datedFindingsKeys(keys: readonly string[]): Array<{ key: string; date: IsoDate }> {
  return keys
    .flatMap((key) => {
      const date = FINDINGS_KEY.exec(key)?.[1];
      return date ? [{ key, date }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** "The previous run": the newest findings object dated before `date` (a re-run the same day is not its own previous run). */
export const pickFindingsKeyBefore = (keys: readonly string[], date: IsoDate) =>
  datedFindingsKeys(keys)
    .filter((k) => k.date < date)
    .pop();

/** The newest findings object dated within the report month or before it; later runs describe a later state. */
export function pickFindingsKey(keys: readonly string[], month: IsoMonth): { key: string; date: IsoDate } | undefined {
  const last = addDays(monthEndExclusive(month), -1);
  let best: { key: string; date: IsoDate } | undefined;
  for (const key of keys) {
    const date = FINDINGS_KEY.exec(key)?.[1];
    if (date && date <= last && (!best || date > best.date)) best = { key, date };
  }
  return best;
}

const money = z.number();
const priced = (n: number | null) => (n === null ? null : roundCents(n));
// Loose objects: the idle-resources result carries more fields than the report needs.
const findingsSchema = z.looseObject({
  idleInstances: z.array(
    z.looseObject({
      id: z.string(),
      region: z.string(),
      instanceType: z.optional(z.string()),
      avgCpuPct: z.optional(z.number()),
      estimatedMonthlyCost: z.nullable(money),
    }),
  ),
  unattachedVolumes: z.array(
    z.looseObject({
      id: z.string(),
      region: z.string(),
      sizeGiB: z.optional(z.number()),
      volumeType: z.optional(z.string()),
      estimatedMonthlyCost: z.nullable(money),
    }),
  ),
  estimatedMonthlySavings: money,
  // Every rule's findings (idle-resources since the nine rules); older objects have only the two part-1 lists.
  findings: z.optional(
    z.array(
      z.looseObject({
        rule: z.string(),
        account: z.optional(z.nullable(z.string())),
        id: z.string(),
        region: z.string(),
        detail: z.optional(z.string()),
        estimatedMonthlyCost: z.nullable(money),
        // The ownership tags a finding carried: a resolved finding's saving is told to its team.
        tags: z.optional(z.record(z.string(), z.string())),
      }),
    ),
  ),
  realizedSavings: z.optional(
    z.looseObject({
      resolved: z.array(
        z.looseObject({
          rule: z.string(),
          account: z.nullable(z.string()),
          region: z.string(),
          id: z.string(),
          estimatedMonthlyCost: z.nullable(money),
        }),
      ),
    }),
  ),
  unassigned: z.optional(z.looseObject({ spend: z.looseObject({ sharePct: z.nullable(z.number()) }) })),
});

function ruleLines(items: readonly WasteItem[]): WasteRuleLine[] {
  return WASTE_RULES.map((r) => {
    const mine = items.filter((i) => ruleOfReportItem(i) === r.name);
    return {
      rule: r.name,
      title: r.title,
      action: r.action,
      findings: mine.length,
      estimatedMonthlyCost: roundCents(mine.reduce((s, i) => s + (i.estimatedMonthlyCost ?? 0), 0)),
    };
  });
}

/** Reads one findings object; the error names what is missing so a bad object can be found and fixed. */
export function parseFindings(body: unknown, key: string, asOf: IsoDate): WasteSummary {
  const parsed = findingsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${key}: expected an idle-resources result, but ${issue?.path.join('.') || 'the object'}: ${issue?.message ?? 'is invalid'}`,
    );
  }
  const f = parsed.data;
  const items: WasteItem[] = f.findings
    ? f.findings.map((x) => ({
        kind: reportKindOf(x.rule),
        rule: x.rule,
        ...(x.account ? { account: x.account } : {}),
        id: x.id,
        region: x.region,
        detail: x.detail ?? '',
        estimatedMonthlyCost: priced(x.estimatedMonthlyCost),
        ...(x.tags ? { tags: x.tags } : {}),
      }))
    : [
        ...f.idleInstances.map((i) => ({
          kind: reportKindOfList('idleInstances'),
          id: i.id,
          region: i.region,
          detail: [i.instanceType, i.avgCpuPct === undefined ? undefined : `avg CPU ${formatPercent(i.avgCpuPct)}`]
            .filter(Boolean)
            .join(', '),
          estimatedMonthlyCost: priced(i.estimatedMonthlyCost),
        })),
        ...f.unattachedVolumes.map((v) => ({
          kind: reportKindOfList('unattachedVolumes'),
          id: v.id,
          region: v.region,
          detail: [v.sizeGiB === undefined ? undefined : `${v.sizeGiB} GiB`, v.volumeType].filter(Boolean).join(' '),
          estimatedMonthlyCost: priced(v.estimatedMonthlyCost),
        })),
      ];
  // Unpriced items last: they are real waste, but of unknown size.
  items.sort((a, b) => (b.estimatedMonthlyCost ?? -1) - (a.estimatedMonthlyCost ?? -1) || a.id.localeCompare(b.id));
  return {
    asOf,
    key,
    items,
    estimatedMonthlySavings: roundCents(f.estimatedMonthlySavings),
    byRule: ruleLines(items),
    ...(f.realizedSavings ? { resolved: f.realizedSavings.resolved } : {}),
    ...(f.unassigned ? { untaggedSharePct: f.unassigned.spend.sharePct } : {}),
  };
}
