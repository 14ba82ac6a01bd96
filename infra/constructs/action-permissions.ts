import type { JobPermission } from './permissions.js';

/** What an action does, as `budgets.actions[].do` gives it (only the keys IAM is scoped by). */
export type ActionDo =
  | { readonly type: 'set-parameter'; readonly name: string; readonly region?: string }
  | { readonly type: 'scale-down' | 'cap-autoscaling'; readonly tags: Readonly<Record<string, readonly string[]>> }
  | { readonly type: 'deny-new-resources'; readonly roles?: readonly string[] };

/** Where the statements apply: CDK tokens in the stack, `${AWS::…}` Fn::Sub variables in the member template. */
export interface ActWhere {
  readonly partition: string;
  readonly account: string;
  /** Region of a set-parameter without `do.region`: the one the jobs run in. */
  readonly region: string;
}

/** Tag every resource cost-watch must never touch, compared case-insensitively. */
export const PROTECT_TAG = 'cost-watch:protect';
/** Tag the deny SCP carries, so the role may attach, detach and delete that policy only. */
export const OWNER_TAG = { key: 'cost-watch:owner', value: 'cost-watch' } as const;
/** Name prefix of the deny policy of deny-new-resources outside an organization (IAM policy ARNs carry the name). */
export const DENY_POLICY_PREFIX = 'cost-watch-deny-';

type Tags = Readonly<Record<string, readonly string[]>>;

/** Every key must match (AND: keys of one condition block), any listed value of a key (OR: the value list); never a protected resource. */
function tagConditions(prefix: string, tags: Tags): Record<string, Record<string, unknown>> {
  const equals = Object.fromEntries(Object.entries(tags).map(([k, values]) => [`${prefix}/${k}`, [...values]]));
  return { StringEquals: equals, StringNotEqualsIgnoreCase: { [`${prefix}/${PROTECT_TAG}`]: 'true' } };
}

const describe = (where: ActWhere, actions: string[]): JobPermission[] => [
  {
    actions: actions.filter((a) => !a.startsWith('rds:')),
    resources: ['*'],
    why:
      'Plans what an action changes (and resolves idle.regions "all"): EC2 and Auto Scaling Describe* calls support no ' +
      'resource-level permissions (Resource "*").',
  },
  ...(actions.some((a) => a.startsWith('rds:'))
    ? [
        {
          actions: actions.filter((a) => a.startsWith('rds:')),
          resources: [`arn:${where.partition}:rds:*:${where.account}:db:*`],
          why: 'Plans what scale-down stops: reads the DB instances of the account (any region, names known only at run time).',
        },
      ]
    : []),
];

function scaleDown(where: ActWhere, tags: Tags): JobPermission[] {
  const { partition, account } = where;
  const on = (keys: string) => Object.keys(tags).join(', ') + ` (${keys})`;
  return [
    {
      actions: ['ec2:StopInstances', 'ec2:StartInstances'],
      resources: [`arn:${partition}:ec2:*:${account}:instance/*`],
      conditions: tagConditions('aws:ResourceTag', tags),
      why: `scale-down stops (undo starts) EC2 instances tagged ${on('aws:ResourceTag')}, never ${PROTECT_TAG}=true ones.`,
    },
    {
      actions: ['rds:StopDBInstance', 'rds:StartDBInstance'],
      resources: [`arn:${partition}:rds:*:${account}:db:*`],
      conditions: tagConditions('aws:ResourceTag', tags),
      why: `scale-down stops (undo starts) DB instances tagged ${on('aws:ResourceTag')}, never ${PROTECT_TAG}=true ones.`,
    },
    autoScaling(where, tags, 'scale-down sets min and desired to 0'),
  ];
}

function autoScaling(where: ActWhere, tags: Tags, what: string): JobPermission {
  return {
    actions: ['autoscaling:UpdateAutoScalingGroup'],
    resources: [`arn:${where.partition}:autoscaling:*:${where.account}:autoScalingGroup:*:autoScalingGroupName/*`],
    conditions: tagConditions('autoscaling:ResourceTag', tags),
    why:
      `${what} (undo restores them) of Auto Scaling groups tagged ${Object.keys(tags).join(', ')} ` +
      `(autoscaling:ResourceTag), never ${PROTECT_TAG}=true ones.`,
  };
}

function setParameter(where: ActWhere, name: string, region: string | undefined): JobPermission {
  return {
    actions: ['ssm:GetParameter', 'ssm:ListTagsForResource', 'ssm:PutParameter', 'ssm:DeleteParameter'],
    resources: [`arn:${where.partition}:ssm:${region ?? where.region}:${where.account}:parameter/${name.replace(/^\//, '')}`],
    why:
      'set-parameter reads the value (and its tags: cost-watch:protect) before, overwrites it, and on undo puts it back (or ' +
      'deletes a parameter it created).',
  };
}

const roleArn = (where: ActWhere, role: string) =>
  role.startsWith('arn:') ? role : `arn:${where.partition}:iam::${where.account}:role/${role}`;

function denyWithIam(where: ActWhere, roles: readonly string[]): JobPermission[] {
  const policies = `arn:${where.partition}:iam::${where.account}:policy/${DENY_POLICY_PREFIX}*`;
  return [
    {
      actions: ['iam:CreatePolicy', 'iam:DeletePolicy', 'iam:GetPolicy'],
      resources: [policies],
      why: `deny-new-resources creates (undo deletes) its deny policy, only one named ${DENY_POLICY_PREFIX}<record>.`,
    },
    ...(roles.length
      ? [
          {
            actions: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
            resources: roles.map((r) => roleArn(where, r)),
            conditions: { ArnLike: { 'iam:PolicyARN': [policies] } },
            why: `deny-new-resources attaches (undo detaches) only its own ${DENY_POLICY_PREFIX}* policy, only to the roles in do.roles.`,
          },
          {
            actions: ['iam:ListRoleTags'],
            resources: roles.map((r) => roleArn(where, r)),
            why: 'Plans deny-new-resources: a role tagged cost-watch:protect=true is left alone.',
          },
        ]
      : []),
  ];
}

function denyWithScp(where: ActWhere): JobPermission[] {
  const owned = { StringEquals: { [`aws:ResourceTag/${OWNER_TAG.key}`]: OWNER_TAG.value } };
  return [
    {
      actions: ['organizations:CreatePolicy'],
      resources: ['*'],
      conditions: {
        StringEquals: { [`aws:RequestTag/${OWNER_TAG.key}`]: OWNER_TAG.value, 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY' },
      },
      why:
        'deny-new-resources creates its SCP (a new policy has no ARN yet, so Resource "*"), only a service control policy ' +
        `carrying the tag ${OWNER_TAG.key}=${OWNER_TAG.value}.`,
    },
    {
      actions: ['organizations:TagResource'],
      resources: [`arn:${where.partition}:organizations::${where.account}:policy/o-*/service_control_policy/p-*`],
      conditions: {
        StringEquals: { [`aws:RequestTag/${OWNER_TAG.key}`]: OWNER_TAG.value },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [OWNER_TAG.key] },
      },
      why: `CreatePolicy with tags needs organizations:TagResource: only SCPs, only the ${OWNER_TAG.key} tag.`,
    },
    {
      actions: ['organizations:ListPolicies'],
      resources: ['*'],
      why: 'Finds the SCP a retried apply already created (by its name); organizations:ListPolicies only accepts Resource "*".',
    },
    {
      actions: ['organizations:AttachPolicy', 'organizations:DetachPolicy', 'organizations:DeletePolicy'],
      resources: [`arn:${where.partition}:organizations::${where.account}:policy/o-*/service_control_policy/p-*`],
      conditions: owned,
      why: `Attaches (undo detaches, then deletes) only the stack's own SCP: policy ids are random, so the ${OWNER_TAG.key} tag scopes it.`,
    },
    {
      actions: ['organizations:AttachPolicy', 'organizations:DetachPolicy'],
      resources: [`arn:${where.partition}:organizations::${where.account}:account/o-*/*`],
      conditions: { StringEquals: { 'organizations:PolicyType': 'SERVICE_CONTROL_POLICY' } },
      why: "The SCP goes on the budget's account (an account of this organization, known at run time), and only an SCP.",
    },
  ];
}

/**
 * Everything the configured actions may do, and nothing for an action type
 * not configured: the actions role in the home account (`organization` true:
 * deny-new-resources is an SCP) and the member-account actions role (no
 * deny-new-resources: the SCP is attached from the home account).
 */
export function actionPermissions(actions: readonly ActionDo[], where: ActWhere, organization: boolean): JobPermission[] {
  // Every action's target resolves idle.regions "all" in the account it acts in.
  const reads = new Set<string>(['ec2:DescribeRegions']);
  const out: JobPermission[] = [];
  for (const a of actions) {
    if (a.type === 'scale-down') {
      ['ec2:DescribeInstances', 'ec2:DescribeRegions', 'autoscaling:DescribeAutoScalingGroups', 'rds:DescribeDBInstances'].forEach((r) =>
        reads.add(r),
      );
      out.push(...scaleDown(where, a.tags));
    } else if (a.type === 'cap-autoscaling') {
      ['ec2:DescribeRegions', 'autoscaling:DescribeAutoScalingGroups'].forEach((r) => reads.add(r));
      out.push(autoScaling(where, a.tags, 'cap-autoscaling sets MaxSize to the desired capacity'));
    } else if (a.type === 'set-parameter') out.push(setParameter(where, a.name, a.region));
  }
  const denies = actions.filter((a) => a.type === 'deny-new-resources');
  if (denies.length)
    out.push(...(organization ? denyWithScp(where) : denyWithIam(where, [...new Set(denies.flatMap((d) => d.roles ?? []))])));
  return [...describe(where, [...reads].sort()), ...out];
}
