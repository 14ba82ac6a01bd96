/**
 * Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (an
 * esbuild alias, see infra/constructs/bundling.ts). Lambda always hands the
 * function its role's credentials in environment variables, so the default
 * chain's other sources (SSO, INI files, process, web identity, IMDS, with
 * their own STS and SSO clients: about 115 KB minified) can never be used
 * there; dropping them shrinks every bundle and its cold start.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

type Init = Parameters<typeof fromEnv>[0];

export const defaultProvider = (init?: Init) => fromEnv(init);
