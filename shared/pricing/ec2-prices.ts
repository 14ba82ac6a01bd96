/**
 * EC2 on-demand Linux prices, USD per hour, us-east-1 (N. Virginia), shared tenancy.
 *
 * Source: the public AWS page https://aws.amazon.com/ec2/pricing/on-demand/ (Linux),
 * transcribed by hand; see PRICE_TABLE in ./source.ts for the date. This file and
 * ./ebs-prices.ts and ./region-factors.ts are the ONLY places to refresh (README.md).
 *
 * Most current-generation families price each size exactly in proportion to its
 * vCPUs, so a family is written as its `.large` price and the sizes it has;
 * families whose sizes do not scale (GPU, burstable t2, storage) are listed per type.
 */

/** vCPUs relative to `.large` (2 vCPU); `metal` entries name the size they price like. */
const SIZE_UNITS: Record<string, number> = {
  medium: 0.5,
  large: 1,
  xlarge: 2,
  '2xlarge': 4,
  '3xlarge': 6,
  '4xlarge': 8,
  '6xlarge': 12,
  '8xlarge': 16,
  '9xlarge': 18,
  '12xlarge': 24,
  '16xlarge': 32,
  '18xlarge': 36,
  '24xlarge': 48,
  '32xlarge': 64,
  '48xlarge': 96,
};
// Burstable families are not per-vCPU: nano, micro and small are halvings of each other.
const BURST_UNITS: Record<string, number> = { nano: 0.0625, micro: 0.125, small: 0.25, medium: 0.5, large: 1, xlarge: 2, '2xlarge': 4 };

interface Family {
  /** Price of `<family>.large` per hour. */
  readonly large: number;
  readonly sizes: readonly string[];
  /** Metal sizes and the virtual size each is priced as. */
  readonly metal?: Readonly<Record<string, string>>;
  readonly burstable?: boolean;
}

const INTEL5 = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const C5 = ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '12xlarge', '18xlarge', '24xlarge'];
const C5N = ['large', 'xlarge', '2xlarge', '4xlarge', '9xlarge', '18xlarge'];
const GEN6_INTEL = [...INTEL5, '32xlarge'];
const GEN6_AMD = [...GEN6_INTEL, '48xlarge'];
const GRAVITON = ['medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const GEN7_INTEL = [...INTEL5, '48xlarge'];
const GEN7_AMD = ['medium', ...GEN6_AMD];
const GRAVITON4 = ['medium', ...INTEL5, '48xlarge'];
const FLEX = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge'];
const BURST = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const M24 = { metal: '24xlarge' };
const M32 = { metal: '32xlarge' };
const M48 = { metal: '48xlarge' };
const M16 = { metal: '16xlarge' };
const M7 = { 'metal-24xl': '24xlarge', 'metal-48xl': '48xlarge' };

export const EC2_FAMILIES: Readonly<Record<string, Family>> = {
  // Burstable
  t3: { large: 0.0832, sizes: BURST, burstable: true },
  t3a: { large: 0.0752, sizes: BURST, burstable: true },
  t4g: { large: 0.0672, sizes: BURST, burstable: true },
  // General purpose
  m5: { large: 0.096, sizes: INTEL5, metal: M24 },
  m5a: { large: 0.086, sizes: INTEL5 },
  m5d: { large: 0.113, sizes: INTEL5, metal: M24 },
  m5ad: { large: 0.103, sizes: INTEL5 },
  m5n: { large: 0.119, sizes: INTEL5, metal: M24 },
  m5dn: { large: 0.136, sizes: INTEL5, metal: M24 },
  m6i: { large: 0.096, sizes: GEN6_INTEL, metal: M32 },
  m6id: { large: 0.1187, sizes: GEN6_INTEL, metal: M32 },
  m6in: { large: 0.13923, sizes: GEN6_INTEL, metal: M32 },
  m6idn: { large: 0.15915, sizes: GEN6_INTEL, metal: M32 },
  m6a: { large: 0.0864, sizes: GEN6_AMD, metal: M48 },
  m6g: { large: 0.077, sizes: GRAVITON, metal: M16 },
  m6gd: { large: 0.0904, sizes: GRAVITON, metal: M16 },
  m7i: { large: 0.1008, sizes: GEN7_INTEL, metal: M7 },
  'm7i-flex': { large: 0.09576, sizes: FLEX },
  m7a: { large: 0.11592, sizes: GEN7_AMD, metal: { 'metal-48xl': '48xlarge' } },
  m7g: { large: 0.0816, sizes: GRAVITON, metal: M16 },
  m7gd: { large: 0.1068, sizes: GRAVITON, metal: M16 },
  m8g: { large: 0.08976, sizes: GRAVITON4, metal: M7 },
  // Compute optimised
  c5: { large: 0.085, sizes: C5, metal: M24 },
  c5a: { large: 0.077, sizes: INTEL5 },
  c5ad: { large: 0.086, sizes: INTEL5 },
  c5d: { large: 0.096, sizes: C5, metal: M24 },
  c5n: { large: 0.108, sizes: C5N, metal: { metal: '18xlarge' } },
  c6i: { large: 0.085, sizes: GEN6_INTEL, metal: M32 },
  c6id: { large: 0.1008, sizes: GEN6_INTEL, metal: M32 },
  c6in: { large: 0.1134, sizes: GEN6_INTEL, metal: M32 },
  c6a: { large: 0.0765, sizes: GEN6_AMD, metal: M48 },
  c6g: { large: 0.068, sizes: GRAVITON, metal: M16 },
  c6gd: { large: 0.0768, sizes: GRAVITON, metal: M16 },
  c6gn: { large: 0.0864, sizes: GRAVITON },
  c7i: { large: 0.08925, sizes: GEN7_INTEL, metal: M7 },
  'c7i-flex': { large: 0.08479, sizes: FLEX },
  c7a: { large: 0.1025, sizes: GEN7_AMD, metal: { 'metal-48xl': '48xlarge' } },
  c7g: { large: 0.0725, sizes: GRAVITON, metal: M16 },
  c7gd: { large: 0.0907, sizes: GRAVITON, metal: M16 },
  c7gn: { large: 0.1248, sizes: GRAVITON, metal: M16 },
  c8g: { large: 0.07976, sizes: GRAVITON4, metal: M7 },
  // Memory optimised
  r5: { large: 0.126, sizes: INTEL5, metal: M24 },
  r5a: { large: 0.113, sizes: INTEL5 },
  r5ad: { large: 0.131, sizes: INTEL5 },
  r5d: { large: 0.144, sizes: INTEL5, metal: M24 },
  r5n: { large: 0.149, sizes: INTEL5, metal: M24 },
  r5dn: { large: 0.167, sizes: INTEL5, metal: M24 },
  r5b: { large: 0.149, sizes: INTEL5, metal: M24 },
  r6i: { large: 0.126, sizes: GEN6_INTEL, metal: M32 },
  r6id: { large: 0.1512, sizes: GEN6_INTEL, metal: M32 },
  r6a: { large: 0.1134, sizes: GEN6_AMD, metal: M48 },
  r6g: { large: 0.1008, sizes: GRAVITON, metal: M16 },
  r6gd: { large: 0.1152, sizes: GRAVITON, metal: M16 },
  r7i: { large: 0.1323, sizes: GEN7_INTEL, metal: M7 },
  r7a: { large: 0.15215, sizes: GEN7_AMD, metal: { 'metal-48xl': '48xlarge' } },
  r7g: { large: 0.1071, sizes: GRAVITON, metal: M16 },
  r7gd: { large: 0.1361, sizes: GRAVITON, metal: M16 },
  r8g: { large: 0.11782, sizes: GRAVITON4, metal: M7 },
  x2gd: { large: 0.167, sizes: GRAVITON, metal: M16 },
  z1d: { large: 0.186, sizes: ['large', 'xlarge', '2xlarge', '3xlarge', '6xlarge', '12xlarge'], metal: { metal: '12xlarge' } },
  // Storage optimised
  i3: { large: 0.156, sizes: ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '16xlarge'], metal: M16 },
  i3en: { large: 0.226, sizes: ['large', 'xlarge', '2xlarge', '3xlarge', '6xlarge', '12xlarge', '24xlarge'], metal: M24 },
};

/** Types whose sizes do not scale with vCPUs: each price as published. */
export const EC2_TYPES: Readonly<Record<string, number>> = {
  't2.nano': 0.0058,
  't2.micro': 0.0116,
  't2.small': 0.023,
  't2.medium': 0.0464,
  't2.large': 0.0928,
  't2.xlarge': 0.1856,
  't2.2xlarge': 0.3712,
  'm5zn.large': 0.1652,
  'm5zn.xlarge': 0.3303,
  'm5zn.2xlarge': 0.6607,
  'm5zn.3xlarge': 0.991,
  'm5zn.6xlarge': 1.982,
  'm5zn.12xlarge': 3.9641,
  'm5zn.metal': 3.9641,
  'i4i.large': 0.172,
  'i4i.xlarge': 0.343,
  'i4i.2xlarge': 0.686,
  'i4i.4xlarge': 1.373,
  'i4i.8xlarge': 2.746,
  'i4i.16xlarge': 5.491,
  'i4i.32xlarge': 10.982,
  'i4i.metal': 10.982,
  'd3.xlarge': 0.499,
  'd3.2xlarge': 0.999,
  'd3.4xlarge': 1.998,
  'd3.8xlarge': 3.995,
  'g4dn.xlarge': 0.526,
  'g4dn.2xlarge': 0.752,
  'g4dn.4xlarge': 1.204,
  'g4dn.8xlarge': 2.176,
  'g4dn.12xlarge': 3.912,
  'g4dn.16xlarge': 4.352,
  'g4dn.metal': 7.824,
  'g5.xlarge': 1.006,
  'g5.2xlarge': 1.212,
  'g5.4xlarge': 1.624,
  'g5.8xlarge': 2.448,
  'g5.12xlarge': 5.672,
  'g5.16xlarge': 4.096,
  'g5.24xlarge': 8.144,
  'g5.48xlarge': 16.288,
  'g6.xlarge': 0.8048,
  'g6.2xlarge': 0.9776,
  'g6.4xlarge': 1.3232,
  'g6.8xlarge': 2.0144,
  'g6.12xlarge': 4.6016,
  'g6.16xlarge': 3.3968,
  'g6.24xlarge': 6.6752,
  'g6.48xlarge': 13.3504,
  'p3.2xlarge': 3.06,
  'p3.8xlarge': 12.24,
  'p3.16xlarge': 24.48,
  'inf2.xlarge': 0.7582,
  'inf2.8xlarge': 1.9679,
  'inf2.24xlarge': 6.4906,
  'inf2.48xlarge': 12.9813,
  'trn1.2xlarge': 1.34375,
  'trn1.32xlarge': 21.5,
};

/** us-east-1 hourly price of a type, or undefined when the table does not know it. */
export function baseHourlyPrice(instanceType: string): number | undefined {
  const listed = EC2_TYPES[instanceType];
  if (listed !== undefined) return listed;
  const dot = instanceType.indexOf('.');
  const family = EC2_FAMILIES[instanceType.slice(0, dot)];
  if (dot < 0 || !family) return undefined;
  const size = instanceType.slice(dot + 1);
  const asSize = family.metal?.[size] ?? (family.sizes.includes(size) ? size : undefined);
  const units = asSize === undefined ? undefined : (family.burstable ? BURST_UNITS : SIZE_UNITS)[asSize];
  // Rounded to the published 4-5 decimals so linear sizes match the page exactly.
  return units === undefined ? undefined : Math.round(family.large * units * 1e6) / 1e6;
}
