export { MOTO_MISSING_MESSAGE, awsEnvForAccount, createMotoAccount, findMotoServer, isolatedAwsEnv, startMoto } from './moto.js';
export type { AwsEnv, MotoAccount, MotoHandle, StartMotoOptions } from './moto.js';
export { main as costExplorerMain, startCostExplorerDouble } from './cost-explorer.js';
export type {
  CostExplorerDouble,
  CostRecord,
  DatasetOptions,
  FaultMatch,
  RecordedRequest,
  StartCostExplorerOptions,
} from './cost-explorer.js';
export { startFakeSlack } from './fake-slack.js';
export type { FakeSlack, HangOptions, SlackMessage, StartFakeSlackOptions } from './fake-slack.js';
export { LEDGER_TTL_ATTRIBUTE, createLedgerTable, createSecret, createTopicWithInbox } from './fixtures.js';
export type { InboxMessage, TopicWithInbox } from './fixtures.js';
export { putDailyUnits, type UnitMetricSeed } from './unit-metric.js';
export { seedOrganization } from './organization.js';
export type { OrgMember, SeededOrganization, SeedOrganizationOptions } from './organization.js';
export { startFaultProxy } from './fault-proxy.js';
export type { FaultAnswer as CallFaultAnswer, FaultMatch as CallFaultMatch, FaultProxy } from './fault-proxy.js';
export { startBudgetsDouble } from './budgets.js';
export type { BudgetRecord, BudgetsDouble } from './budgets.js';
