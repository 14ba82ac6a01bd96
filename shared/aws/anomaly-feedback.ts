import { ProvideAnomalyFeedbackCommand, type CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { explainAwsError } from './errors.js';

/**
 * Tells AWS Cost Anomaly Detection that an anomaly was planned, so its model
 * learns too ("expected" on a Slack alert). One request; Cost Explorer
 * charges $0.01 for it like any other.
 */
export async function reportPlannedActivity(ce: CostExplorerClient, anomalyId: string, timeoutMs = 2000): Promise<void> {
  // Bounded: the click's answer to Slack is due within 3 s; a failure is answered and can be clicked again.
  const request = ce.send(new ProvideAnomalyFeedbackCommand({ AnomalyId: anomalyId, Feedback: 'PLANNED_ACTIVITY' }), {
    abortSignal: AbortSignal.timeout(timeoutMs),
  });
  await request.catch((err: unknown) => {
    throw explainAwsError(err, `Cost Explorer ProvideAnomalyFeedback for anomaly ${anomalyId}`, 'ce:ProvideAnomalyFeedback');
  });
}
