import { cloudWatchClient, ec2Client, elbv2Client, rdsClient } from '../aws/clients.js';
import type { Scope, ScopeAccess } from '../aws/scopes.js';
import type { ScopeClients } from './listings/index.js';

/**
 * The clients of one (account, region), through the run's ScopeAccess (own
 * credentials, or the member account's assumed role). Getters: a client is
 * built only when a listing of an enabled rule needs it.
 */
export function scopeClients(access: ScopeAccess, scope: Pick<Scope, 'account' | 'region'>): ScopeClients {
  return {
    get ec2() {
      return access.client('ec2', scope, ec2Client);
    },
    get cloudWatch() {
      return access.client('cloudwatch', scope, cloudWatchClient);
    },
    get elbv2() {
      return access.client('elbv2', scope, elbv2Client);
    },
    get rds() {
      return access.client('rds', scope, rdsClient);
    },
  };
}
