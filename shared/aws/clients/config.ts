import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Shared client settings. Endpoints are never set here: the SDK reads
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> itself, so the same code
 * runs against AWS, moto and our Cost Explorer double.
 *
 * Adaptive retry adds client-side rate limiting on throttling, which matters
 * for Cost Explorer (low TPS) and GetMetricData bursts across regions.
 *
 * One file per client (and `sideEffects: false` in package.json) lets esbuild
 * drop the clients a Lambda does not use, even when the SDK is left external.
 */
export const RETRY = { retryMode: 'adaptive', maxAttempts: 5 } as const;

/** Cost Explorer and Budgets are global services served from us-east-1. */
export const GLOBAL_REGION = 'us-east-1';

export function defaultRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? GLOBAL_REGION;
}

/** Topic ARNs carry their region; publishing must go there, not to the caller's default. */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/**
 * Credentials of another account (an assumed role, see shared/aws/scopes.ts);
 * undefined means the job's own credentials from the default chain.
 */
export type ScopeCredentials = AwsCredentialIdentityProvider;
