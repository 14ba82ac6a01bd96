import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, rules, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag rules that exist but that the AwsSolutions pack does not run, and
 * that matter here: cost-watch's one inbound endpoint is a function URL.
 * Runs beside AwsSolutionsChecks (app.ts with -c nag=true, and the nag test).
 */
export class CostWatchChecks extends NagPack {
  readonly name = 'CostWatch';

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = 'CostWatch';
  }

  protected checkResource(node: CfnResource): void {
    this.applyRule({
      ruleSuffixOverride: 'LambdaUrlAuth',
      info: 'The Lambda function URL has no AWS IAM authentication (AuthType NONE).',
      explanation: 'A public URL must authenticate every request some other way, and bound what a flood of requests can cost.',
      level: NagMessageLevel.ERROR,
      rule: rules.lambda.LambdaFunctionUrlAuth,
      node,
    });
  }
}
