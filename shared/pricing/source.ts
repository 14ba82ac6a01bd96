/** Where the bundled price table comes from; shown in findings so readers can judge its age. */
export const PRICE_TABLE = {
  source:
    'AWS public on-demand pricing pages (aws.amazon.com/ec2/pricing/on-demand, aws.amazon.com/ebs/pricing), Linux, shared ' +
    'tenancy, transcribed by hand',
  asOf: '2025-06',
  currency: 'USD',
  hoursPerMonth: 730,
} as const;
