/**
 * On-paper figures for a large organization (500 accounts × 17 regions),
 * from the state machine's shape and AWS list prices (us-east-1, arm64,
 * November 2026). Every assumption is a named constant printed with the result.
 */
const ACCOUNTS = 500;
const REGIONS = 17;
const PAIRS = ACCOUNTS * REGIONS;

const A = {
  /** One scan Lambda: listings in parallel (~0.4 s) + one GetMetricData (~0.4 s) + cold start / AssumeRole share. */
  scanSeconds: 1.5,
  scanMemoryGb: 0.25,
  /** Plan: ListAccounts at 20 accounts a page (~0.3 s each) + 499 AssumeRole, 16 at a time (~0.15 s each). */
  planSeconds: Math.ceil(ACCOUNTS / 20) * 0.3 + Math.ceil((ACCOUNTS - 1) / 16) * 0.15,
  /** Reduce: read the ResultWriter files (~8,500 small results), merge, write findings, one dispatch. */
  reduceSeconds: 20,
  reduceMemoryGb: 1,
  /** Metric queries per pair (instances + NAT gateways + load balancers + DB instances), averaged over every pair. */
  metricsPerPair: 30,
  /** idle-resources runs weekly by default (schedules.idleResources). */
  runsPerMonth: 4.35,
  /** GetCostAndUsage groups (LINKED_ACCOUNT × SERVICE) per page: AWS does not document it; an assumption. */
  groupsPerPage: 5000,
  servicesPerAccount: 25,
  /** Days each daily-spend request covers: the day, its baseline and recheckDays (default 2) + 1. */
  daysPerRequest: 5,
};

const P = {
  lambdaGbSecond: 0.0000133334,
  lambdaRequest: 0.0000002,
  sfnTransition: 0.000025,
  expressRequest: 0.000001,
  expressGbSecond: 0.00001667,
  getMetricDataPerMetric: 0.00001,
  costExplorerRequest: 0.01,
};

const usd = (n: number) => `$${n < 0.1 ? n.toFixed(4) : n.toFixed(2)}`;
const minutes = (s: number) => (s < 120 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(1)} min`);

export function printPaperFigures(): void {
  const out: string[] = ['', `On paper: ${ACCOUNTS} accounts × ${REGIONS} regions = ${PAIRS} pairs`];
  for (const concurrency of [16, 256]) {
    const map = Math.ceil(PAIRS / concurrency) * A.scanSeconds;
    out.push(
      `  wall time, MaxConcurrency ${concurrency}: plan ${minutes(A.planSeconds)} + map ${minutes(map)} + ` +
        `reduce ${minutes(A.reduceSeconds)} = ${minutes(A.planSeconds + map + A.reduceSeconds)}`,
    );
  }
  const scanGbS = PAIRS * A.scanSeconds * A.scanMemoryGb;
  const lambda = (scanGbS + A.planSeconds * 0.25 + A.reduceSeconds * A.reduceMemoryGb) * P.lambdaGbSecond + (PAIRS + 2) * P.lambdaRequest;
  // Distributed Map: each child execution started is one state transition of the Standard parent.
  const transitions = (PAIRS + 6) * P.sfnTransition;
  const express = PAIRS * P.expressRequest + PAIRS * (A.scanSeconds + 0.1) * 0.0625 * P.expressGbSecond;
  const perRun = lambda + transitions + express;
  const metrics = PAIRS * A.metricsPerPair * P.getMetricDataPerMetric;
  out.push(
    `  per run: Lambda ${usd(lambda)} (${Math.round(scanGbS)} GB-s of scans) + Step Functions ${usd(transitions)} (${PAIRS} ` +
      `child starts as transitions) + Express children ${usd(express)} = ${usd(perRun)}`,
    `           + CloudWatch GetMetricData ${usd(metrics)} (${PAIRS * A.metricsPerPair} metrics at $0.01/1000, billed to the ` +
      `member accounts)`,
    `  per month (${A.runsPerMonth} runs): ${usd(perRun * A.runsPerMonth)} for Lambda + Step Functions,` +
      ` ${usd(metrics * A.runsPerMonth)} GetMetricData`,
    `  cheaper still: an ItemBatcher of 10 pairs per child would cut the Step Functions part ` +
      `to ${usd((PAIRS / 10 + 6) * P.sfnTransition)} a run`,
  );
  const groups = ACCOUNTS * A.servicesPerAccount * A.daysPerRequest;
  const pages = Math.ceil(groups / A.groupsPerPage);
  const dailyPerMonth = 30 * (pages + 1); // + at most one drivers request on a day with a service spike
  const monthly = 4; // monthly-report: costs, previous month, commitments/rightsizing reads (order of magnitude)
  out.push(
    `  Cost Explorer: daily-spend is one GetCostAndUsage a day, ${pages} page(s) for ${groups} account×service×day groups at ` +
      `an assumed ${A.groupsPerPage} a page, + ≤1 drivers request: ≤ ${dailyPerMonth}/month;`,
    `                 monthly-report ~${monthly}/month; budgets and idle-resources none: ` +
      `≤ ${usd((dailyPerMonth + monthly) * P.costExplorerRequest)}/month at $0.01 a request`,
    `  assumptions: ${JSON.stringify(A)}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
