import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultRegion, RETRY } from './config.js';

export const secretsClient = (region = defaultRegion()) => new SecretsManagerClient({ ...RETRY, region });
