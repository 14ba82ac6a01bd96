/**
 * RDS on-demand prices, single-AZ, USD per hour, us-east-1, by engine group.
 * Source: the public pages https://aws.amazon.com/rds/mysql/pricing/,
 * /rds/mariadb/pricing/, /rds/postgresql/pricing/ and /rds/aurora/pricing/
 * (Aurora Standard), transcribed by hand (date in ./source.ts). Oracle and SQL
 * Server depend on the licence model and are not in the table: null, listed.
 *
 * Current-generation classes scale with vCPUs, so a family is its `.large`
 * price (like ./ec2-prices.ts); burstable classes halve per size step.
 */

const SIZE_UNITS: Readonly<Record<string, number>> = {
  micro: 0.125,
  small: 0.25,
  medium: 0.5,
  large: 1,
  xlarge: 2,
  '2xlarge': 4,
  '4xlarge': 8,
  '8xlarge': 16,
  '12xlarge': 24,
  '16xlarge': 32,
  '24xlarge': 48,
  '32xlarge': 64,
};
const BURST = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const STANDARD = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const AURORA_BURST = ['medium', 'large'];

interface Family {
  readonly large: number;
  readonly sizes: readonly string[];
}

type EngineGroup = 'mysql' | 'postgres' | 'aurora-mysql' | 'aurora-postgresql';

/** `db.<family>.large` per hour by engine group. */
export const RDS_FAMILIES: Readonly<Record<EngineGroup, Readonly<Record<string, Family>>>> = {
  mysql: {
    t3: { large: 0.136, sizes: BURST },
    t4g: { large: 0.129, sizes: BURST },
    m5: { large: 0.171, sizes: STANDARD },
    m6g: { large: 0.152, sizes: STANDARD.slice(0, 7) },
    m6i: { large: 0.171, sizes: [...STANDARD, '32xlarge'] },
    m7g: { large: 0.168, sizes: STANDARD.slice(0, 7) },
    r5: { large: 0.24, sizes: STANDARD },
    r6g: { large: 0.215, sizes: STANDARD.slice(0, 7) },
    r6i: { large: 0.24, sizes: [...STANDARD, '32xlarge'] },
    r7g: { large: 0.239, sizes: STANDARD.slice(0, 7) },
  },
  postgres: {
    t3: { large: 0.145, sizes: BURST },
    t4g: { large: 0.129, sizes: BURST },
    m5: { large: 0.178, sizes: STANDARD },
    m6g: { large: 0.159, sizes: STANDARD.slice(0, 7) },
    m6i: { large: 0.178, sizes: [...STANDARD, '32xlarge'] },
    m7g: { large: 0.176, sizes: STANDARD.slice(0, 7) },
    r5: { large: 0.25, sizes: STANDARD },
    r6g: { large: 0.225, sizes: STANDARD.slice(0, 7) },
    r6i: { large: 0.25, sizes: [...STANDARD, '32xlarge'] },
    r7g: { large: 0.249, sizes: STANDARD.slice(0, 7) },
  },
  'aurora-mysql': {
    t3: { large: 0.164, sizes: AURORA_BURST },
    t4g: { large: 0.146, sizes: AURORA_BURST },
    r5: { large: 0.29, sizes: STANDARD },
    r6g: { large: 0.26, sizes: STANDARD.slice(0, 7) },
    r6i: { large: 0.29, sizes: [...STANDARD, '32xlarge'] },
    r7g: { large: 0.276, sizes: STANDARD.slice(0, 7) },
  },
  'aurora-postgresql': {
    t3: { large: 0.164, sizes: AURORA_BURST },
    t4g: { large: 0.146, sizes: AURORA_BURST },
    r5: { large: 0.29, sizes: STANDARD },
    r6g: { large: 0.26, sizes: STANDARD.slice(0, 7) },
    r6i: { large: 0.29, sizes: [...STANDARD, '32xlarge'] },
    r7g: { large: 0.276, sizes: STANDARD.slice(0, 7) },
  },
};

const ENGINE_GROUPS: Readonly<Record<string, EngineGroup>> = {
  mysql: 'mysql',
  mariadb: 'mysql',
  postgres: 'postgres',
  'aurora-mysql': 'aurora-mysql',
  aurora: 'aurora-mysql',
  'aurora-postgresql': 'aurora-postgresql',
};

/** us-east-1 single-AZ hourly price of `db.<family>.<size>` for the engine, or undefined when not in the table. */
export function baseRdsHourlyPrice(engine: string, instanceClass: string): number | undefined {
  const group = ENGINE_GROUPS[engine.toLowerCase()];
  const [db, family, size] = instanceClass.split('.');
  if (!group || db !== 'db' || !family || !size) return undefined;
  const f = RDS_FAMILIES[group][family];
  if (!f?.sizes.includes(size)) return undefined;
  return Math.round(f.large * SIZE_UNITS[size]! * 1e6) / 1e6;
}
