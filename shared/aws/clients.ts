/** Client factories, one module each so that bundles keep only what they use. */
export { defaultRegion, GLOBAL_REGION, regionOfArn, RETRY, type ScopeCredentials } from './clients/config.js';
export { budgetsClient } from './clients/budgets.js';
export { cloudWatchClient } from './clients/cloudwatch.js';
export { costExplorerClient } from './clients/cost-explorer.js';
export { dynamoClient } from './clients/dynamodb.js';
export { ec2Client } from './clients/ec2.js';
export { organizationsClient } from './clients/organizations.js';
export { elbv2Client } from './clients/elbv2.js';
export { rdsClient } from './clients/rds.js';
export { s3Client } from './clients/s3.js';
export { secretsClient } from './clients/secrets-manager.js';
export { sesClient } from './clients/ses.js';
export { snsClient } from './clients/sns.js';
export { stsClient } from './clients/sts.js';
