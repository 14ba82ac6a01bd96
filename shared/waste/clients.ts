import type { Scope, ScopeAccess } from '../aws/scopes.js';
import type { ScopeClients } from './listings/index.js';

/**
 * The clients of one (account, region), through the run's ScopeAccess (own
 * credentials, or the member account's assumed role). Getters: a client is
 * built only when a listing of an enabled rule needs it.
 */
export function scopeClients(access: ScopeAccess, scope: Scope): ScopeClients {
  const member = () => access.member(scope);
  return {
    get ec2() {
      return access.aws.ec2(scope.region, member());
    },
    get cloudWatch() {
      return access.aws.cloudWatch(scope.region, member());
    },
    get elbv2() {
      return access.aws.elbv2(scope.region, member());
    },
    get rds() {
      return access.aws.rds(scope.region, member());
    },
    get tagging() {
      return access.aws.tagging(scope.region, member());
    },
  };
}
