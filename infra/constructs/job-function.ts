import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLE_ALIASES, BUNDLE_EXTERNALS, CREATE_REQUIRE_BANNER, PROJECT_ROOT } from './bundling.js';

export { PROJECT_ROOT } from './bundling.js';

/** The runtime every job uses: the current Node.js LTS that Lambda offers. */
export const JOB_RUNTIME = Runtime.NODEJS_24_X;

/** Props the house construct fixes for every job, so callers cannot set them. */
type FixedProps =
  | 'runtime'
  | 'architecture'
  | 'bundling'
  | 'projectRoot'
  | 'depsLockFilePath'
  | 'role'
  | 'logGroup'
  | 'logRetention'
  | 'logRetentionRole'
  | 'logRetentionRetryOptions'
  | 'loggingFormat'
  | 'awsSdkConnectionReuse';

export interface CostWatchFunctionProps extends Omit<NodejsFunctionProps, FixedProps> {
  /** Path of the handler's TypeScript file (exporting `handler`). */
  readonly entry: string;
  /**
   * How long the function's own log group keeps events.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/**
 * The one way cost-watch builds a Lambda function: Node.js 24 on ARM64 (cheaper
 * per GB-second, and these jobs are I/O bound), JSON logs into an explicit log
 * group with retention, a role that may only write to that log group until the
 * caller grants more, and a minified ESM bundle built by the local esbuild.
 *
 * Bundling choices (measured with daily-spend's handler, esbuild 0.28):
 * - ESM with `mainFields: ['module', 'main']` lets esbuild take the SDK's ES
 *   module builds and tree-shake them: 513 KiB, against 808 KiB for ESM or CJS
 *   resolving `main` first (CJS with `module` first ties; ESM also allows
 *   top-level await).
 * - `@aws-sdk/*` is bundled, not left to the runtime's copy: the code runs with
 *   the exact SDK versions in package-lock.json that the tests ran against, and
 *   one tree-shaken file loads faster than resolving full client packages from
 *   disk (importing the handler took ~0.2 s bundled, ~2.5 s with the SDK external).
 * - The SDK's default credential chain is swapped for the environment provider
 *   (lambdas/credentials.ts): Lambda always passes credentials that way, and
 *   the other sources cost ~115 KB of every bundle.
 * - No source map: a map costs cold start (`--enable-source-maps`) and bytes,
 *   while `keepNames` keeps function and class names (our error classes take
 *   `name` from the class) readable in stack traces.
 */
export class CostWatchFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: CostWatchFunctionProps) {
    const { logRetention = RetentionDays.ONE_MONTH, ...functionProps } = props;
    if (!functionProps.entry) throw new Error(`CostWatchFunction ${id}: \`entry\` is required; pass the handler's .ts path`);

    // Created beside the function (not inside it) because a construct cannot add
    // children before super(); the powertools example does the same.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: logRetention,
      // Operational logs only; keeping the group after `cdk destroy` would leave clutter behind.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of the default one: the default attaches the managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group in the account).
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `cost-watch ${id}: writes its own log group; job permissions are added by the stack`,
    });

    super(scope, id, {
      handler: 'handler',
      memorySize: 256,
      timeout: Duration.minutes(1),
      // No reserved concurrency: an account still at the new-account quota of 10
      // cannot reserve any, and `cdk deploy` would fail there. Overlapping runs of
      // a job are safe anyway: the ledger's conditional claim lets only one of
      // them send each alert.
      ...functionProps,
      runtime: JOB_RUNTIME,
      architecture: Architecture.ARM_64,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      role,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
        minify: true,
        keepNames: true,
        sourceMap: false,
        bundleAwsSDK: true,
        externalModules: [...BUNDLE_EXTERNALS],
        // target defaults to the runtime's node version (node24).
      },
    });
    logGroup.grantWrite(role);
  }
}
