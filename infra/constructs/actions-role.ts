import { Aws, Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, CompositePrincipal, Role, type IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { CostWatchConfig } from '../../shared/config/index.js';
import { actionPermissions, type ActionDo, type ActWhere } from './action-permissions.js';
import { MemberRoleStackSet, memberTemplate } from './member-role-stackset.js';
import { grantPermissions, type JobPermission } from './permissions.js';

/** Environment variable naming the actions role to the functions that act (budgets, the Slack endpoint). */
export const ACTIONS_ROLE_ENV = 'COST_WATCH_ACTIONS_ROLE_ARN';

export interface ActionsRoleProps {
  /** `budgets.actions[].do`: only what they need is allowed. */
  readonly actions: readonly ActionDo[];
  /** The function roles that act: the budgets job (auto approval, restore at period end) and the Slack endpoint (buttons). */
  readonly trustedRoles: readonly IRole[];
  /** With `organization`: the member-account actions role and where its StackSet deploys. */
  readonly organization?: {
    readonly actionsRoleName: string;
    readonly deployTo?: {
      readonly organizationalUnitIds?: readonly string[];
      readonly region?: string;
      readonly callAs?: 'SELF' | 'DELEGATED_ADMIN';
    };
  };
}

/**
 * The permissions to act, in a role of their own: deployed only with
 * `budgets.actions`, assumable only by the function roles that act, which
 * themselves hold nothing but sts:AssumeRole on it (their own policies stay
 * read-only). In an organization, the member accounts get a second role of
 * the same shape (no SCP rights: the SCP is attached from here).
 */
export class ActionsRole extends Construct {
  readonly role: Role;
  readonly memberRole?: MemberRoleStackSet;

  constructor(scope: Construct, id: string, props: ActionsRoleProps) {
    super(scope, id);
    const org = props.organization;
    this.role = new Role(this, 'Role', {
      description: 'cost-watch: budget actions (stop, scale down, set parameter, deny new resources), assumed only to act',
      assumedBy: new CompositePrincipal(...props.trustedRoles.map((r) => new ArnPrincipal(r.roleArn))),
      maxSessionDuration: Duration.hours(1),
    });
    const here: ActWhere = { partition: Aws.PARTITION, account: Aws.ACCOUNT_ID, region: Aws.REGION };
    grantPermissions(this.role, actionPermissions(props.actions, here, org !== undefined));

    const assume: JobPermission[] = [
      { actions: ['sts:AssumeRole'], resources: [this.role.roleArn], why: 'Acts on budgets only through the actions role.' },
    ];
    const memberActions = props.actions.filter((a) => a.type !== 'deny-new-resources');
    if (org && memberActions.length) {
      assume.push({
        actions: ['sts:AssumeRole'],
        resources: [`arn:${Aws.PARTITION}:iam::*:role/${org.actionsRoleName}`],
        why:
          'Acts in a member account through its actions role (organization.actionsRoleName): the accounts are the ' +
          "organization's, known only at run time; no other role name matches.",
      });
      this.memberRole = new MemberRoleStackSet(this, 'MemberRole', {
        roleName: org.actionsRoleName,
        trustedRoles: props.trustedRoles,
        organizationalUnitIds: org.deployTo?.organizationalUnitIds,
        region: org.deployTo?.region,
        callAs: org.deployTo?.callAs,
        template: {
          purpose: 'act-role',
          description: `cost-watch: the ${org.actionsRoleName} budget actions role in every member account`,
          body: memberActionsTemplate(org.actionsRoleName, memberActions),
        },
      });
    }
    for (const role of props.trustedRoles) grantPermissions(role, assume);
  }
}

/** The member account's actions role: the same tag-scoped statements, written with Fn::Sub variables (no deny-new-resources). */
export function memberActionsTemplate(roleName: string, actions: readonly ActionDo[]): Record<string, unknown> {
  const where: ActWhere = { partition: '${AWS::Partition}', account: '${AWS::AccountId}', region: '${AWS::Region}' };
  const statements = actionPermissions(actions, where, true).map((p) => ({
    Effect: 'Allow',
    Action: [...p.actions],
    Resource: p.resources.map((r) => (r.includes('${') ? { 'Fn::Sub': r } : r)),
    ...(p.conditions ? { Condition: p.conditions } : {}),
  }));
  return memberTemplate(roleName, {
    description: 'cost-watch: budget actions role the cost-watch functions assume from the account they run in',
    roleDescription: 'cost-watch: budget actions (stop, scale down, set parameter), only on tagged resources and named parameters',
    logicalId: 'ActRole',
    policyName: 'cost-watch-act',
    statements,
  });
}

/** The functions that act, for the stack: each gets the actions role's ARN in its environment. */
export interface ActingFunction {
  readonly role?: IRole;
  addEnvironment(key: string, value: string): unknown;
}

/**
 * The actions role when `budgets.actions` is set (else nothing is deployed):
 * trusted by the budgets job and the Slack endpoint, named to them by ACTIONS_ROLE_ENV.
 */
export function addActionsRole(
  scope: Construct,
  config: Pick<CostWatchConfig, 'budgets' | 'organization'>,
  functions: readonly (ActingFunction | undefined)[],
  ledger: ITable,
): ActionsRole | undefined {
  if (!config.budgets.actions.length) return undefined;
  const acting = functions.filter((f): f is ActingFunction => f !== undefined);
  const actions = new ActionsRole(scope, 'BudgetActions', {
    actions: config.budgets.actions.map((a) => a.do),
    trustedRoles: acting.map((f) => f.role!),
    organization: config.organization && { actionsRoleName: config.organization.actionsRoleName, deployTo: config.organization.deployTo },
  });
  for (const f of acting) {
    f.addEnvironment(ACTIONS_ROLE_ENV, actions.role.roleArn);
    grantPermissions(f.role!, [
      {
        actions: ['dynamodb:GetItem'],
        resources: [ledger.tableArn],
        why: 'Reads one action record, and the index of applied ones, by key with a consistent read.',
      },
    ]);
  }
  return actions;
}
