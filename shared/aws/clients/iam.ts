import { IAMClient } from '@aws-sdk/client-iam';
import { GLOBAL_REGION, RETRY, type ScopeCredentials } from './config.js';

/** IAM is global; its endpoint is served from us-east-1 (aws partition). */
export const iamClient = (credentials?: ScopeCredentials) => new IAMClient({ ...RETRY, region: GLOBAL_REGION, credentials });
