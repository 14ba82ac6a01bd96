import type { ActionRecord } from '../detect/actions/types.js';
import { escapePlain } from '../notify/escape.js';
import { snsSubject, type SnsMessage } from '../notify/sns.js';
import { actionMessage, type ActionMessageContext } from './action-message.js';

/** The SNS form of a budget action's message: a short subject, and the Slack message's full fallback text as the body. */
export function actionSnsMessage(r: ActionRecord, ctx: ActionMessageContext): SnsMessage {
  const subject = snsSubject(`cost-watch budget action ${escapePlain(r.action)}: ${r.status} (${escapePlain(r.budget)})`);
  return {
    subject,
    body: actionMessage(r, ctx).text,
    attributes: { job: 'budgets', severity: r.status === 'proposed' ? 'warning' : 'critical' },
  };
}
