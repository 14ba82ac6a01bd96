import { paginateGetResources, type ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { explainAwsError } from '../../aws/errors.js';
import type { TaggedResource } from '../../detect/ownership/unassigned.js';
import { tagMap } from './tags.js';
import type { Listed, ListingIam } from './types.js';

/** The largest page GetResources allows: one request per 100 resources, never one per resource. */
export const RESOURCES_PER_PAGE = 100;

export const TAGGING_IAM: ListingIam = {
  actions: ['tag:GetResources'],
  why: 'tag:GetResources supports no resource-level permissions: it only accepts Resource "*".',
};

/**
 * Every resource of the region that carries or once carried a tag, with its
 * tags (Resource Groups Tagging API GetResources, paginated). AWS leaves out
 * resources that were never tagged; the scan adds those from its own listings.
 */
export async function listTaggedResources(client: ResourceGroupsTaggingAPIClient, region: string): Promise<Listed<TaggedResource>> {
  const items: TaggedResource[] = [];
  let pages = 0;
  try {
    for await (const out of paginateGetResources({ client, pageSize: RESOURCES_PER_PAGE }, {})) {
      pages++;
      for (const r of out.ResourceTagMappingList ?? []) if (r.ResourceARN) items.push({ arn: r.ResourceARN, tags: tagMap(r.Tags) });
    }
  } catch (err) {
    throw explainAwsError(err, `Resource Groups Tagging API GetResources in ${region}`, 'tag:GetResources');
  }
  return { items, calls: { GetResources: pages } };
}
