import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { RETRY, type ScopeCredentials } from './config.js';

/** Resource Groups Tagging API: every tagged resource of a region in one paginated listing. */
export const taggingClient = (region: string, credentials?: ScopeCredentials) =>
  new ResourceGroupsTaggingAPIClient({ ...RETRY, region, credentials });
