/**
 * APPROXIMATION: prices outside us-east-1 are the us-east-1 price times a
 * per-region factor, not each type's published regional price. Each factor is
 * the ratio of one anchor price in that region to us-east-1 (anchor named per
 * table), read from the same public pages (date in ./source.ts). Most families
 * keep that ratio within a few percent; the estimate is for ranking waste, not
 * for billing. A region missing here gets no price (null), never a guess.
 */

/** Anchor: m5.large / m6i.large on-demand Linux ($0.096 in us-east-1). */
export const EC2_REGION_FACTORS: Readonly<Record<string, number>> = {
  'us-east-1': 1,
  'us-east-2': 1,
  'us-west-2': 1,
  'us-west-1': 1.1667, // $0.112
  'ca-central-1': 1.1146, // $0.107
  'ca-west-1': 1.1146,
  'sa-east-1': 1.5938, // $0.153
  'eu-west-1': 1.1146, // $0.107
  'eu-west-2': 1.1563, // $0.111
  'eu-west-3': 1.1667, // $0.112
  'eu-central-1': 1.1979, // $0.115
  'eu-central-2': 1.3229, // $0.127
  'eu-north-1': 1.0625, // $0.102
  'eu-south-1': 1.1667, // $0.112
  'eu-south-2': 1.1146,
  'ap-northeast-1': 1.2917, // $0.124
  'ap-northeast-2': 1.2292, // $0.118
  'ap-northeast-3': 1.2917,
  'ap-southeast-1': 1.25, // $0.120
  'ap-southeast-2': 1.25, // $0.120
  'ap-southeast-3': 1.25,
  'ap-south-1': 1.0521, // $0.101
  'ap-south-2': 1.0521,
  'ap-east-1': 1.375, // $0.132
  'me-south-1': 1.2292, // $0.118
  'me-central-1': 1.2292,
  'af-south-1': 1.3229, // $0.127
};

/** Anchor: gp3 per GB-month ($0.08 in us-east-1). */
export const EBS_REGION_FACTORS: Readonly<Record<string, number>> = {
  'us-east-1': 1,
  'us-east-2': 1,
  'us-west-2': 1,
  'us-west-1': 1.2, // $0.096
  'ca-central-1': 1.1, // $0.088
  'sa-east-1': 1.9, // $0.152
  'eu-west-1': 1.1, // $0.088
  'eu-west-2': 1.16, // $0.0928
  'eu-west-3': 1.16, // $0.0928
  'eu-central-1': 1.19, // $0.0952
  'eu-north-1': 1.045, // $0.0836
  'eu-south-1': 1.16,
  'ap-northeast-1': 1.2, // $0.096
  'ap-northeast-2': 1.14, // $0.0912
  'ap-northeast-3': 1.2,
  'ap-southeast-1': 1.2, // $0.096
  'ap-southeast-2': 1.2, // $0.096
  'ap-south-1': 1.14, // $0.0912
  'ap-east-1': 1.32, // $0.1056
  'me-south-1': 1.21, // $0.0968
  'af-south-1': 1.305, // $0.1044
};
