import { instanceMonthlyCost, rdsMonthlyCost } from './index.js';

/**
 * The Graviton equivalent of an x86 family: the same shape (general purpose,
 * compute, memory, burstable) one generation on, at the same size. A family
 * with no equivalent (GPU, storage, metal-only sizes) is not a candidate, and
 * Graviton families are never listed since they are not keys here.
 */
/** Graviton family ← the x86 families it replaces. */
const byTarget = (groups: Record<string, string>) =>
  Object.fromEntries(Object.entries(groups).flatMap(([target, from]) => from.split(' ').map((f) => [f, target])));

export const EC2_GRAVITON: Readonly<Record<string, string>> = byTarget({
  m7g: 'm4 m5 m5a m6i m6a m7i m7a',
  m7gd: 'm5d m6id',
  c7g: 'c4 c5 c5a c6i c6a c7i c7a',
  c7gd: 'c5d c6id',
  r7g: 'r4 r5 r5a r6i r6a r7i r7a',
  r7gd: 'r5d r6id',
  t4g: 't2 t3 t3a',
});

/** RDS classes, without the `db.` prefix. */
export const RDS_GRAVITON: Readonly<Record<string, string>> = byTarget({ m7g: 'm5 m6i', r7g: 'r5 r6i', t4g: 't3' });

export interface GravitonPrice {
  readonly targetType: string;
  readonly monthlyCost: number;
  readonly targetMonthlyCost: number;
  readonly estimatedMonthlySavings: number;
}

const priced = (targetType: string, now: number | null, then: number | null): GravitonPrice | null =>
  now === null || then === null || then >= now
    ? null
    : { targetType, monthlyCost: now, targetMonthlyCost: then, estimatedMonthlySavings: Math.round((now - then) * 100) / 100 };

/** An EC2 type's Graviton move, priced on-demand Linux × 730 h; null when there is none or the table cannot price both. */
export function ec2Graviton(region: string, instanceType: string): GravitonPrice | null {
  const [family, size] = instanceType.split('.');
  const target = family && EC2_GRAVITON[family];
  if (!target || !size) return null;
  const targetType = `${target}.${size}`;
  return priced(targetType, instanceMonthlyCost(region, instanceType), instanceMonthlyCost(region, targetType));
}

/** A DB instance's Graviton move at its engine's single-AZ price (× 2 for Multi-AZ). */
export function rdsGraviton(region: string, engine: string, instanceClass: string, multiAz: boolean): GravitonPrice | null {
  const [db, family, size] = instanceClass.split('.');
  const target = db === 'db' && family ? RDS_GRAVITON[family] : undefined;
  if (!target || !size) return null;
  const targetType = `db.${target}.${size}`;
  return priced(targetType, rdsMonthlyCost(region, engine, instanceClass, multiAz), rdsMonthlyCost(region, engine, targetType, multiAz));
}
