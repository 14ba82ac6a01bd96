import { Stack, Validations } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { flatten } from './permissions.js';

/** One explanation for the wildcard findings (cdk-nag AwsSolutions-IAM5) whose id matches `finding`. */
export interface WildcardReason {
  readonly finding: RegExp;
  readonly why: string;
}

/**
 * Acknowledges each wildcard in the IAM policies CDK generated under `scope`
 * (grants we do not write ourselves, such as a state machine's) with the
 * first matching reason. A wildcard no reason matches stays a finding, so a
 * new wildcard cannot slip in unexplained. Call it once the grants are made.
 */
export function acknowledgeGeneratedWildcards(scope: IConstruct, reasons: readonly WildcardReason[]): void {
  const stack = Stack.of(scope);
  for (const policy of scope.node.findAll().filter((c): c is CfnPolicy => c instanceof CfnPolicy)) {
    const doc = stack.resolve(policy.policyDocument) as { Statement?: Array<{ Action?: unknown; Resource?: unknown }> };
    const findings = new Set<string>();
    for (const s of doc.Statement ?? []) {
      for (const a of [s.Action].flat()) if (typeof a === 'string' && a.includes('*')) findings.add(`Action::${a}`);
      for (const r of [s.Resource].flat()) {
        const flat = flatten(r);
        if (flat.includes('*')) findings.add(`Resource::${flat}`);
      }
    }
    for (const f of findings) {
      const reason = reasons.find((r) => r.finding.test(f));
      if (reason) Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${f}]`, reason: reason.why });
    }
  }
}
