import { CostExplorerFault } from './cost-explorer-model.js';

/** Feedback values AWS accepts for ProvideAnomalyFeedback. */
const FEEDBACK = ['YES', 'NO', 'PLANNED_ACTIVITY'] as const;

export interface AnomalyFeedback {
  readonly anomalyId: string;
  readonly feedback: (typeof FEEDBACK)[number];
}

/**
 * ProvideAnomalyFeedback as AWS validates it: an anomaly id and one of the
 * three feedback values; the answer echoes the id. The feedback is recorded.
 */
export function provideAnomalyFeedback(body: Record<string, unknown>, recorded: AnomalyFeedback[]): { AnomalyId: string } {
  const { AnomalyId: anomalyId, Feedback: feedback } = body;
  if (typeof anomalyId !== 'string' || !anomalyId || anomalyId.length > 1024)
    throw new CostExplorerFault(
      'ValidationException',
      "1 validation error detected: Value at 'anomalyId' failed to satisfy constraint: Member must not be null",
    );
  if (!FEEDBACK.includes(feedback as AnomalyFeedback['feedback']))
    throw new CostExplorerFault(
      'ValidationException',
      `1 validation error detected: Value '${String(feedback)}' at 'feedback' failed to satisfy constraint: Member must ` +
        `satisfy enum value set: [YES, NO, PLANNED_ACTIVITY]`,
    );
  recorded.push({ anomalyId, feedback: feedback as AnomalyFeedback['feedback'] });
  return { AnomalyId: anomalyId };
}
