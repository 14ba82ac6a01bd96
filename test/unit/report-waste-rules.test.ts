import { describe, expect, it } from 'vitest';
import { parseFindings } from '../../shared/report/findings.js';
import { renderHtml } from '../../shared/report/html.js';
import { buildReportModel } from '../../shared/report/model.js';
import { reportData } from '../support/report-data.js';

const finding = (rule: string, id: string, cost: number | null, detail = 'd') => ({
  rule,
  account: null,
  region: 'us-east-1',
  id,
  resourceType: 'x',
  detail,
  estimatedMonthlyCost: cost,
  action: 'A',
});

describe('monthly report waste section over every rule', () => {
  const body = {
    idleInstances: [{ id: 'i-1', region: 'us-east-1', instanceType: 'm5.large', avgCpuPct: 1, estimatedMonthlyCost: 70.08 }],
    unattachedVolumes: [],
    estimatedMonthlySavings: 70.08 + 259.88 + 3.65,
    findings: [
      finding('idle-rds', 'db-1', 259.88, 'postgres db.m5.large Multi-AZ'),
      finding('idle-instance', 'i-1', 70.08),
      finding('unassociated-eip', 'eipalloc-1', 3.65),
      finding('idle-rds', 'db-odd', null),
    ],
  };

  it('reads every rule’s findings, not only the part-1 lists, and sums each rule', () => {
    const w = parseFindings(body, 'findings/idle-resources/2026-03-30.json', '2026-03-30');
    expect(w.items.map((i) => [i.id, i.kind])).toEqual([
      ['db-1', 'idle-rds'],
      ['i-1', 'idle instance'],
      ['eipalloc-1', 'unassociated-eip'],
      ['db-odd', 'idle-rds'],
    ]);
    expect(w.byRule).toHaveLength(9);
    expect(w.byRule!.find((r) => r.rule === 'idle-rds')).toMatchObject({ findings: 2, estimatedMonthlyCost: 259.88 });
    expect(w.byRule!.find((r) => r.rule === 'idle-nat-gateway')).toMatchObject({ findings: 0, estimatedMonthlyCost: 0 });
  });

  it('shows every rule in the HTML, with zero for rules that found nothing', () => {
    const waste = parseFindings(body, 'k', '2026-03-30');
    const html = renderHtml(buildReportModel(reportData({ waste })));
    for (const title of [
      'idle instances',
      'long-stopped instances',
      'unattached volumes',
      'gp2 volumes to move to gp3',
      'orphaned snapshots',
      'unassociated Elastic IPs',
      'idle NAT gateways',
      'idle load balancers',
      'idle databases',
    ])
      expect(html).toContain(title);
    expect(html).toContain('postgres db.m5.large Multi-AZ');
  });

  it('still reads a findings object from before the nine rules (part-1 lists only)', () => {
    const { findings: _, ...old } = body;
    const w = parseFindings({ ...old, estimatedMonthlySavings: 70.08 }, 'k', '2026-03-30');
    expect(w.items.map((i) => i.kind)).toEqual(['idle instance']);
    expect(w.byRule!.find((r) => r.rule === 'idle-instance')!.findings).toBe(1);
  });
});
