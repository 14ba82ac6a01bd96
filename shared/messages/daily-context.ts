import type { Button } from '@slack/types';
import type { AnomalyRef } from '../detect/anomalies.js';
import type { Driver } from '../detect/drivers.js';
import type { DailyUnitCost } from '../detect/unit-cost.js';
import { countOf, formatMoney, formatSignedMoney, formatUnitCost } from '../format.js';

/** Slack rejects a button URL longer than this. */
const MAX_BUTTON_URL = 3000;

/** `driven by USE1-BoxUsage:p3.2xlarge +$230.00, …`; undefined when there are none. */
export function driversText(drivers: readonly Driver[] | undefined, currency: string, escape: (t: string) => string): string | undefined {
  if (!drivers?.length) return undefined;
  return `driven by ${drivers.map((d) => `${escape(d.usageType)} ${formatSignedMoney(d.delta, currency)}`).join(', ')}`;
}

/** AWS's root causes, the way the anomaly console lists them. */
export function rootCausesText(a: AnomalyRef, escape: (t: string) => string): string {
  const causes = a.rootCauses.slice(0, 3).map((c) =>
    [c.service, c.accountName ?? c.account, c.region, c.usageType]
      .filter((x): x is string => Boolean(x))
      .map(escape)
      .join(' / '),
  );
  const more = a.rootCauses.length > 3 ? ` (+${a.rootCauses.length - 3} more)` : '';
  return causes.length ? `${causes.join('; ')}${more}` : 'no root cause given';
}

export function anomalyText(a: AnomalyRef, currency: string, escape: (t: string) => string): string {
  return (
    `AWS anomaly ${escape(a.id)} (score ${Math.round(a.score)}, ` +
    `impact ${formatMoney(a.impact, currency)}): ${rootCausesText(a, escape)}`
  );
}

/** What the alert is about, for anomaly and unit-cost alerts; undefined for spikes. */
export function contextLabel(a: { scope: string; key: string; anomaly?: AnomalyRef; unitCost?: DailyUnitCost }): string | undefined {
  if (a.scope === 'anomaly') return `AWS anomaly: ${a.anomaly?.rootCauses[0]?.service ?? a.key}`;
  if (a.scope === 'unit-cost') return `Cost per ${a.key}`;
  return undefined;
}

/** One line for an anomaly or unit-cost alert, in place of "spend vs baseline". */
export function contextLine(
  a: { scope: string; key: string; severity: string; anomaly?: AnomalyRef; unitCost?: DailyUnitCost },
  currency: string,
  escape: (t: string) => string,
): string | undefined {
  if (a.scope === 'anomaly' && a.anomaly) return `${anomalyText(a.anomaly, currency, escape)} (${a.severity})`;
  if (a.scope === 'unit-cost' && a.unitCost) {
    const u = a.unitCost;
    return (
      `Cost per ${escape(u.unit)} ${formatUnitCost(u.costPerUnit, currency)} vs target ${formatUnitCost(u.target, currency)} ` +
      `(${escape(countOf(u.units ?? 0, u.unit))}; day before ${formatUnitCost(u.previousCostPerUnit, currency)}; ${a.severity})`
    );
  }
  return undefined;
}

/** The link button beside a spike; none if Slack would reject the URL. */
export function consoleButton(url: string | undefined): Button | undefined {
  if (!url || url.length > MAX_BUTTON_URL) return undefined;
  return { type: 'button', text: { type: 'plain_text', text: 'Open in Cost Explorer' }, url, action_id: 'open-cost-explorer' };
}

/** ` · forecast $27,300.00 · $0.0523 per lead (target $0.05)` for the total line. */
export function totalExtras(o: { forecast?: number; unitCost?: DailyUnitCost }, currency: string, escape: (t: string) => string): string {
  const parts: string[] = [];
  if (o.forecast !== undefined) parts.push(`forecast ${formatMoney(o.forecast, currency)}`);
  if (o.unitCost)
    parts.push(
      `${formatUnitCost(o.unitCost.costPerUnit, currency)} per ${escape(o.unitCost.unit)} ` +
        `(target ${formatUnitCost(o.unitCost.target, currency)})`,
    );
  return parts.map((p) => ` · ${p}`).join('');
}
