import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { GLOBAL_REGION, RETRY, type ScopeCredentials } from './config.js';

/** Organizations is a global service served from us-east-1 (aws partition). */
export const organizationsClient = (credentials?: ScopeCredentials) =>
  new OrganizationsClient({ ...RETRY, region: GLOBAL_REGION, credentials });
