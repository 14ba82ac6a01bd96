import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Anomaly } from '@aws-sdk/client-cost-explorer';
import type { CostExplorerDouble } from '../../emulators/cost-explorer.js';
import { dailySpendScenario } from '../../emulators/scenarios/daily-spend.js';
import { putDailyUnits } from '../../emulators/unit-metric.js';
import { addDays, addMonths, dayRange, firstDayOfMonth, monthOf, yesterday } from '../../shared/time/dates.js';

const UNIT_METRIC = { namespace: 'LeadRouter', metricName: 'LeadsDistributed', dimensions: { Env: 'prod' } };

/** What the demo config adds for on-call: AWS anomalies merged in, cost per lead against $0.05. */
export const DAILY_DEMO_CONFIG = {
  dailySpend: { anomalies: true },
  unitCost: { unit: 'lead', target: 0.05, metric: { ...UNIT_METRIC, stat: 'Sum', region: 'us-east-1' } },
};

/** AWS Cost Anomaly Detection's view of `account`: the EC2 spike (it explains it), and a Glue crawler no threshold caught. */
export function demoAnomalies(day: string, account: string): Anomaly[] {
  const monitor = `arn:aws:ce::${account}:anomalymonitor/demo-services`;
  return [
    {
      AnomalyId: 'a1b2c3d4-ec2',
      AnomalyStartDate: day,
      AnomalyEndDate: day,
      AnomalyScore: { MaxScore: 87, CurrentScore: 87 },
      Impact: { MaxImpact: 231.4, TotalImpact: 231.4, TotalActualSpend: 640, TotalExpectedSpend: 408.6, TotalImpactPercentage: 56.6 },
      MonitorArn: monitor,
      RootCauses: [
        {
          Service: 'Amazon Elastic Compute Cloud - Compute',
          Region: 'us-east-1',
          LinkedAccount: account,
          UsageType: 'USE1-BoxUsage:p3.2xlarge',
          Impact: { Contribution: 218 },
        },
      ],
    },
    {
      AnomalyId: 'e5f6a7b8-glue',
      AnomalyStartDate: addDays(day, -1),
      AnomalyEndDate: day,
      AnomalyScore: { MaxScore: 64, CurrentScore: 51 },
      Impact: { MaxImpact: 22.5, TotalImpact: 41.7, TotalActualSpend: 44.1, TotalExpectedSpend: 2.4, TotalImpactPercentage: 1737.5 },
      MonitorArn: monitor,
      RootCauses: [
        {
          Service: 'AWS Glue',
          Region: 'us-east-1',
          LinkedAccount: account,
          UsageType: 'USE1-Crawler-DPU-Hour',
          Impact: { Contribution: 41.7 },
        },
      ],
    },
  ];
}

/**
 * Loads a month of spend with yesterday's EC2 and S3 jumps (split into usage
 * types, so the alert names its drivers) and AWS's anomalies into the Cost
 * Explorer double (in `account`, the demo's moto account), and ~20,000 leads a day into CloudWatch (moto) for cost per lead.
 */
export async function seedDailySpend(ce: CostExplorerDouble, env: Record<string, string>, now: Date, account: string): Promise<void> {
  const day = yesterday(now);
  ce.setDataset(dailySpendScenario({ spikeDay: day }), { estimatedFrom: day, anomalies: demoAnomalies(day, account) });
  const cw = new CloudWatchClient({
    endpoint: env.AWS_ENDPOINT_URL,
    region: 'us-east-1',
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
    disableRequestCompression: true,
  });
  // From the 1st two months back: the monthly report's cost per lead covers last month and the one before.
  const leads = Object.fromEntries(
    dayRange(firstDayOfMonth(addMonths(monthOf(day), -2)), day).map((d, i) => [d, 20_000 + ((i * 7919) % 1500)]),
  );
  await putDailyUnits(cw, UNIT_METRIC, leads);
  cw.destroy();
}
