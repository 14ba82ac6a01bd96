import type * as z from 'zod/mini';
import { loadBalancerMonthlyCost } from '../../../pricing/index.js';
import { createdBefore, sum } from '../helpers.js';
import { WASTE_RULE_OPTIONS } from '../../../config/waste-rules.js';
import type { LoadBalancer, MetricQuery, RuleFinding, WasteRule } from '../types.js';

const options = WASTE_RULE_OPTIONS['idle-load-balancer'];

/** ALBs count requests, NLBs new flows; gateway load balancers are out of scope. */
function trafficMetric(lb: LoadBalancer): Omit<MetricQuery, 'key' | 'stat'> | undefined {
  const dimensions = { LoadBalancer: lb.dimension };
  if (lb.type === 'application') return { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions };
  if (lb.type === 'network') return { namespace: 'AWS/NetworkELB', metricName: 'NewFlowCount', dimensions };
  return undefined;
}

const candidates = (lbs: readonly LoadBalancer[]) => lbs.filter((lb) => lb.state === 'active' && trafficMetric(lb));

/**
 * An active ALB or NLB with no traffic over the window. No datapoints at all
 * counts as idle only for a load balancer created before the window began.
 */
export const idleLoadBalancer: WasteRule<z.output<typeof options>> = {
  name: 'idle-load-balancer',
  title: 'idle load balancers',
  action: 'Delete the load balancer',
  alerting: { kind: 'idle-load-balancer', muteScope: 'idle-load-balancer' },
  needs: ['loadBalancers'],
  options,
  queries: (l) => candidates(l.loadBalancers).map((lb) => ({ key: lb.arn, stat: 'Sum', ...trafficMetric(lb)! })),
  evaluate(l, metrics, ctx) {
    const findings: RuleFinding[] = [];
    for (const lb of candidates(l.loadBalancers)) {
      const values = metrics(lb.arn);
      if (!values.length && !createdBefore(lb.createTime, ctx.window.start)) continue;
      if (sum(values) > 0) continue;
      const kind = lb.type === 'application' ? 'ALB' : 'NLB';
      findings.push({
        id: lb.arn,
        resourceType: lb.type === 'application' ? 'application-load-balancer' : 'network-load-balancer',
        name: lb.name,
        detail: `${kind}, no ${lb.type === 'application' ? 'requests' : 'new flows'} over ${ctx.idle.lookbackDays} days`,
        estimatedMonthlyCost: loadBalancerMonthlyCost(ctx.region, lb.type),
        priceType: kind,
        facts: { type: lb.type, noDatapoints: !values.length, ...(lb.createTime ? { createTime: lb.createTime } : {}) },
      });
    }
    return { findings };
  },
};
