import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, InvokeMode, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Validations } from 'aws-cdk-lib';
import { CostWatchFunction } from './job-function.js';
import { grantPermissions, type JobPermission } from './permissions.js';

export interface SlackActionsEndpointProps {
  /** Path of the handler's TypeScript file. */
  readonly entry: string;
  /** The jobs' environment (the deployed config names the ledger table and the secrets). */
  readonly environment: Record<string, string>;
  /** Where alerts are looked up and mutes kept. */
  readonly ledger: ITable;
  /** ARN (pattern) of the Slack app's signing secret. */
  readonly signingSecretArn: string;
  /** ARN (pattern) of the bot token secret, for chat.update. */
  readonly botTokenSecretArn: string;
  /**
   * Concurrent executions reserved for (and so capping) the endpoint: a flood
   * of requests cannot run more than this many at once, nor starve the jobs.
   * 0 reserves none (an account still at the new-account quota of 10
   * concurrent executions cannot reserve any).
   * @default 5
   */
  readonly reservedConcurrency?: number;
}

/**
 * Slack's interactivity endpoint: a Lambda function URL that streams its
 * response, so Slack is answered before the work that may take longer. Its auth type is
 * NONE because Slack cannot sign requests with AWS SigV4; the handler checks
 * Slack's own v0 signature on every request before it reads anything.
 */
export class SlackActionsEndpoint extends Construct {
  readonly function: CostWatchFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: SlackActionsEndpointProps) {
    super(scope, id);
    const reserved = props.reservedConcurrency ?? 5;
    this.function = new CostWatchFunction(this, 'Function', {
      entry: props.entry,
      description: 'cost-watch Slack actions: verifies Slack signatures, then acknowledges, mutes or reports expected anomalies',
      // The answer goes out first (streamed, within Slack's 3 s); the feedback to AWS and chat.update
      // then run in the same invocation, each call bounded, well inside this.
      timeout: Duration.seconds(15),
      memorySize: 256,
      environment: props.environment,
      ...(reserved > 0 ? { reservedConcurrentExecutions: reserved } : {}),
    });
    // RESPONSE_STREAM: the handler ends the response before the slow work, which a buffered URL would hold back.
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE, invokeMode: InvokeMode.RESPONSE_STREAM });
    Validations.of(this.url).acknowledge({
      id: 'CostWatch-LambdaUrlAuth',
      reason:
        'Slack cannot sign requests with AWS SigV4, so the URL is public; every request must carry a valid Slack v0 signature ' +
        '(HMAC-SHA256 with the signing secret, timestamp within 5 minutes, replays refused) checked before the body is parsed ' +
        'or the ledger read, and reserved concurrency caps what a flood can run.',
    });
    grantPermissions(this.function.role!, endpointPermissions(props));
  }
}

function endpointPermissions(p: SlackActionsEndpointProps): JobPermission[] {
  return [
    {
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      resources: [p.ledger.tableArn],
      why: 'Looks the clicked alert up, records the acknowledgement, stores the mute and the replay guard in the ledger table.',
    },
    {
      actions: ['secretsmanager:GetSecretValue'],
      resources: [p.signingSecretArn, p.botTokenSecretArn],
      why:
        'The Slack signing secret (to verify requests) and the bot token (for chat.update); secret ARNs end in a random ' +
        '6-character suffix, matched by -??????.',
    },
    {
      actions: ['ce:ProvideAnomalyFeedback'],
      resources: ['*'],
      why: 'Cost Explorer has no resource-level permissions for anomaly feedback: ce:ProvideAnomalyFeedback only accepts Resource "*".',
    },
  ];
}
