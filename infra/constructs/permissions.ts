import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';

/** One permission a job needs. `why` documents it and is the cdk-nag reason for any wildcard in it. */
export interface JobPermission {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly conditions?: Record<string, Record<string, unknown>>;
  readonly why: string;
}

/**
 * Adds the permissions to `role` and acknowledges the cdk-nag AwsSolutions-IAM5
 * finding of each wildcard they contain, with the permission's own `why`, so a
 * wildcard can only exist where the table above it explains it.
 */
export function grantPermissions(role: IRole, permissions: readonly JobPermission[]): void {
  const reasons = new Map<string, string[]>();
  for (const p of permissions) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: [...p.actions], resources: [...p.resources], conditions: p.conditions }));
    for (const finding of wildcardFindings(role, p)) reasons.set(finding, [...(reasons.get(finding) ?? []), p.why]);
  }
  for (const [finding, why] of reasons) Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: why.join(' ') });
}

/** The finding ids cdk-nag's IAM5 rule reports for a statement: `Action::x*` and `Resource::<Logical.Arn>/x/*`. */
function wildcardFindings(role: IRole, p: JobPermission): string[] {
  const stack = Stack.of(role);
  const actions = p.actions.filter((a) => a.includes('*')).map((a) => `Action::${a}`);
  const resources = p.resources
    .map((r) => flatten(stack.resolve(r)))
    .filter((r) => r.includes('*'))
    .map((r) => `Resource::${r}`);
  return [...actions, ...resources];
}

/** Same flattening as cdk-nag: Fn::Join joined, Fn::GetAtt as <Id.Attr>, Ref as <Id>. */
export function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const obj = node as Record<string, unknown>;
  if (Array.isArray(obj['Fn::Join'])) {
    const [delimiter, items] = obj['Fn::Join'] as [string, unknown[]];
    return items.map(flatten).join(delimiter);
  }
  if (obj['Fn::Sub'] !== undefined) return flatten(obj['Fn::Sub']);
  if (Array.isArray(obj['Fn::GetAtt'])) {
    const [id, attr] = obj['Fn::GetAtt'] as [unknown, unknown];
    return `<${flatten(id)}.${flatten(attr)}>`;
  }
  if (obj['Fn::ImportValue'] !== undefined) return flatten(obj['Fn::ImportValue']);
  if (obj['Ref'] !== undefined) return `<${flatten(obj['Ref'])}>`;
  return JSON.stringify(node);
}
