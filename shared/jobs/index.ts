export { AwsClients } from '../aws/aws-clients.js';
export { channelDeps, createContext, memberRole, type ContextOptions, type JobContext } from './common/context.js';
export { JOBS } from './registry.js';
export type { JobDefinition, JobOptions, JobResult } from './common/types.js';
export {
  dailySpendJob,
  runDailySpend,
  spikeAlertId,
  summarizeDailySpend,
  type DailySpendOptions,
  type DailySpendResult,
} from './daily-spend/job.js';
