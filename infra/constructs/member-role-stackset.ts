import { Aws, CfnStackSet, Fn, Stack, Validations } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { memberReadStatements } from './read-permissions.js';

export interface MemberRoleStackSetProps {
  /** Name of the role in every member account (`organization.roleName`). */
  readonly roleName: string;
  /** The cost-watch function roles allowed to assume it; nothing else in this account may. */
  readonly trustedRoles: readonly IRole[];
  /**
   * Organization root or OU ids the role is deployed to, and automatically to accounts that join them later.
   * @default - the organization's root (the whole organization), looked up at deploy time
   */
  readonly organizationalUnitIds?: readonly string[];
  /**
   * The one region the stack instances go to (IAM is global).
   * @default - the stack's region
   */
  readonly region?: string;
  /**
   * `DELEGATED_ADMIN` when this stack is deployed in a StackSets delegated administrator account.
   * @default 'SELF'
   */
  readonly callAs?: 'SELF' | 'DELEGATED_ADMIN';
  /**
   * The member template and what the StackSet is named after (`<stack>-member-<purpose>`).
   * @default - the read role (memberRoleTemplate), purpose 'read-role'
   */
  readonly template?: { readonly body: Record<string, unknown>; readonly purpose: string; readonly description: string };
}

/**
 * The member-account read role as a service-managed CloudFormation StackSet:
 * deployed to every account of the organization (or of the given OUs) and, by
 * automatic deployment, to each account that joins later; removed from an
 * account that leaves. The role trusts this account only for the cost-watch
 * function roles (aws:PrincipalArn), and may only make the read calls the
 * jobs make (READ_PERMISSIONS, shared with the functions' own policies).
 * StackSets never deploy to the management account itself: there the jobs use
 * their own role.
 */
export class MemberRoleStackSet extends Construct {
  readonly stackSet: CfnStackSet;

  constructor(scope: Construct, id: string, props: MemberRoleStackSetProps) {
    super(scope, id);
    const targets = props.organizationalUnitIds ? [...props.organizationalUnitIds] : [this.organizationRoot()];
    this.stackSet = new CfnStackSet(this, 'StackSet', {
      stackSetName: `${Aws.STACK_NAME}-member-${props.template?.purpose ?? 'read-role'}`,
      description: props.template?.description ?? `cost-watch: the ${props.roleName} read role in every member account`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: props.callAs ?? 'SELF',
      capabilities: ['CAPABILITY_NAMED_IAM'],
      managedExecution: { Active: true },
      // Hundreds of accounts: deploy in parallel, and one account that fails does not stop the rest.
      operationPreferences: { maxConcurrentPercentage: 50, failureTolerancePercentage: 10, regionConcurrencyType: 'PARALLEL' },
      parameters: [
        { parameterKey: 'TrustedAccount', parameterValue: Aws.ACCOUNT_ID },
        {
          parameterKey: 'TrustedPrincipalArns',
          parameterValue: Fn.join(
            ',',
            props.trustedRoles.map((r) => r.roleArn),
          ),
        },
      ],
      stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: targets }, regions: [props.region ?? Aws.REGION] }],
      templateBody: Stack.of(this).toJsonString(props.template?.body ?? memberRoleTemplate(props.roleName)),
    });
  }

  /** The organization's root id: CloudFormation has no attribute for it, so one Organizations ListRoots call at deploy time. */
  private organizationRoot(): string {
    const lookup = new AwsCustomResource(this, 'OrganizationRoot', {
      onUpdate: {
        service: 'Organizations',
        action: 'listRoots',
        region: 'us-east-1', // Organizations' only endpoint in the aws partition
        physicalResourceId: PhysicalResourceId.of('organization-root'),
        outputPaths: ['Roots.0.Id'],
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
    Validations.of(lookup).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'organizations:ListRoots supports no resource-level permissions (Resource "*"); the lookup runs once per deployment to ' +
        'find the root the StackSet targets.',
    });
    // AwsCustomResource's shared function (one per stack) logs with the AWS managed basic execution policy.
    const provider = Stack.of(this).node.tryFindChild(`AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`);
    if (provider)
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's AwsCustomResource provider (the organization root lookup, once per deployment) uses the AWS managed basic " +
          'execution policy for its own logs; it has no other permission than organizations:ListRoots.',
      });
    return lookup.getResponseField('Roots.0.Id');
  }
}

/** The member account's template: one role, trusted only for the given principals of the cost-watch account. */
export function memberRoleTemplate(roleName: string): Record<string, unknown> {
  return memberTemplate(roleName, {
    description: 'cost-watch: read-only role the cost-watch jobs assume from the account they run in',
    roleDescription: 'cost-watch: read-only access for the idle-resources and budgets jobs',
    logicalId: 'ReadRole',
    policyName: 'cost-watch-read',
    statements: memberReadStatements(),
  });
}

export interface MemberRoleSpec {
  readonly description: string;
  readonly roleDescription: string;
  /** The role's logical id in the member stack (kept stable: a new id would replace the role). */
  readonly logicalId: string;
  readonly policyName: string;
  readonly statements: readonly unknown[];
}

/** A member template with one role named `roleName` holding `spec.statements`, assumable only by TrustedPrincipalArns. */
export function memberTemplate(roleName: string, spec: MemberRoleSpec): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: spec.description,
    Parameters: {
      TrustedAccount: { Type: 'String', AllowedPattern: '^\\d{12}$', Description: 'The account cost-watch runs in' },
      TrustedPrincipalArns: { Type: 'CommaDelimitedList', Description: "ARNs of the cost-watch functions' roles" },
    },
    Resources: {
      [spec.logicalId]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: roleName,
          Description: spec.roleDescription,
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${TrustedAccount}:root' } },
                Action: 'sts:AssumeRole',
                // Not the whole account: only the cost-watch function roles.
                Condition: { ArnEquals: { 'aws:PrincipalArn': { Ref: 'TrustedPrincipalArns' } } },
              },
            ],
          },
          Policies: [{ PolicyName: spec.policyName, PolicyDocument: { Version: '2012-10-17', Statement: [...spec.statements] } }],
        },
      },
    },
    Outputs: { RoleArn: { Value: { 'Fn::GetAtt': [spec.logicalId, 'Arn'] } } },
  };
}
