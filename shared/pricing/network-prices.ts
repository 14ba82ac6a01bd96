/**
 * Hourly prices of the networking resources the waste rules price, USD, us-east-1.
 * Sources (transcribed by hand, date in ./source.ts):
 * - public IPv4 address: https://aws.amazon.com/vpc/pricing/ ("Public IPv4 Address"), $0.005/h,
 *   the same in every commercial region, associated or not;
 * - NAT gateway hour: https://aws.amazon.com/vpc/pricing/ (NAT Gateway), $0.045/h, data processing not included;
 * - load balancer hour: https://aws.amazon.com/elasticloadbalancing/pricing/, ALB and NLB $0.0225/h, LCUs not included
 *   (an idle load balancer uses none).
 */
export const NETWORK_HOURLY = {
  publicIpv4: 0.005,
  natGateway: 0.045,
  applicationLoadBalancer: 0.0225,
  networkLoadBalancer: 0.0225,
} as const;

/**
 * APPROXIMATION, as ./region-factors.ts: NAT gateway and load balancer hours
 * outside us-east-1 are the us-east-1 price times this factor, anchored on the
 * NAT gateway hour in each region (ALB hours move within a few percent of it).
 * A region missing here gets no price (null).
 */
export const NETWORK_REGION_FACTORS: Readonly<Record<string, number>> = {
  'us-east-1': 1,
  'us-east-2': 1,
  'us-west-2': 1,
  'us-west-1': 1.0667, // $0.048
  'ca-central-1': 1.1111, // $0.050
  'sa-east-1': 2.0667, // $0.093
  'eu-west-1': 1.0667, // $0.048
  'eu-west-2': 1.1111, // $0.050
  'eu-west-3': 1.1111, // $0.050
  'eu-central-1': 1.1556, // $0.052
  'eu-north-1': 1.0667, // $0.048
  'ap-northeast-1': 1.3778, // $0.062
  'ap-northeast-2': 1.4, // $0.063
  'ap-southeast-1': 1.3111, // $0.059
  'ap-southeast-2': 1.3111, // $0.059
  'ap-south-1': 1.2444, // $0.056
};
