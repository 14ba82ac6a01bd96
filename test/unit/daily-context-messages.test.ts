import { describe, expect, it } from 'vitest';
import type { AnomalyRef } from '../../shared/detect/anomalies.js';
import { anomalyText, consoleButton, driversText, totalExtras } from '../../shared/messages/daily-context.js';
import { formatUnitCost } from '../../shared/format.js';
import { escapeMrkdwn } from '../../shared/notify/escape.js';

describe('on-call context in messages', () => {
  it('writes drivers as "driven by <usage type> +$delta, …" and escapes names from AWS', () => {
    const drivers = [
      { usageType: 'USE1-BoxUsage:p3.2xlarge', amount: 230, previous: 0, delta: 230 },
      { usageType: '<script>_x_', amount: 12.5, previous: 2, delta: 10.5 },
    ];

    const text = driversText(drivers, 'USD', escapeMrkdwn)!;

    expect(text).toBe('driven by USE1-BoxUsage:p3.2xlarge +$230.00, &lt;script&gt;\u200b_\u200bx\u200b_\u200b +$10.50');
    expect(driversText([], 'USD', escapeMrkdwn)).toBeUndefined();
  });

  it("shows AWS's score, impact and root causes, escaped", () => {
    const a: AnomalyRef = {
      id: 'abc',
      score: 86.6,
      impact: 231.4,
      rootCauses: [
        {
          service: 'Amazon <EC2>',
          region: 'us-east-1',
          account: '111111111111',
          accountName: 'Data & ML',
          usageType: 'USE1-BoxUsage:p3.2xlarge',
          contribution: 200,
        },
      ],
      startDate: '2026-11-20',
      endDate: null,
      actualSpend: null,
      expectedSpend: null,
      impactPct: null,
    };

    expect(anomalyText(a, 'USD', escapeMrkdwn)).toBe(
      'AWS anomaly abc (score 87, impact $231.40): Amazon &lt;EC2&gt; / Data &amp; ML / us-east-1 / USE1-BoxUsage:p3.2xlarge',
    );
  });

  it('gives a link button, or none when Slack would reject the URL', () => {
    expect(consoleButton('https://example.com/x')).toMatchObject({ type: 'button', url: 'https://example.com/x' });
    expect(consoleButton(`https://example.com/${'x'.repeat(3000)}`)).toBeUndefined();
    expect(consoleButton(undefined)).toBeUndefined();
  });

  it('puts the forecast and cost per unit (4 significant digits) on the total line', () => {
    const unitCost = { unit: 'lead', units: 20_000, costPerUnit: 0.05301, target: 0.05, previousCostPerUnit: null };

    expect(totalExtras({ forecast: 27300, unitCost }, 'USD', (t) => t)).toBe(' · forecast $27,300.00 · $0.05301 per lead (target $0.05)');
    expect(formatUnitCost(12.3456, 'USD')).toBe('$12.35');
    expect(formatUnitCost(null, 'USD')).toBe('n/a');
  });
});
