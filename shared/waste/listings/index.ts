import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { ListingName, Listings } from '../../detect/waste/types.js';
import { listInstances, listVolumes } from './ec2-compute.js';
import { listImages, listSnapshots } from './ec2-images.js';
import { listAddresses, listNatGateways } from './ec2-network.js';
import { listLoadBalancers } from './elbv2.js';
import { listDbInstances } from './rds.js';
import type { Listed } from './types.js';

export type { Listed } from './types.js';

/**
 * The SDK clients of one (account, region). Read lazily by the scanner: a
 * scope whose enabled rules need no load balancers never builds the ELB client,
 * so callers may pass getters.
 */
export interface ScopeClients {
  readonly ec2: EC2Client;
  readonly cloudWatch: CloudWatchClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly rds: RDSClient;
}

type Source<K extends ListingName> = (clients: ScopeClients, region: string) => Promise<Listed<Listings[K][number]>>;

/** How each listing is made: one paginated Describe call per resource type. */
export const LISTING_SOURCES: { readonly [K in ListingName]: Source<K> } = {
  instances: (c, r) => listInstances(c.ec2, r),
  volumes: (c, r) => listVolumes(c.ec2, r),
  addresses: (c, r) => listAddresses(c.ec2, r),
  natGateways: (c, r) => listNatGateways(c.ec2, r),
  snapshots: (c, r) => listSnapshots(c.ec2, r),
  images: (c, r) => listImages(c.ec2, r),
  loadBalancers: (c, r) => listLoadBalancers(c.elbv2, r),
  dbInstances: (c, r) => listDbInstances(c.rds, r),
};
