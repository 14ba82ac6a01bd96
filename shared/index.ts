export { JOB_NAMES, type JobName } from './alerts/jobs.js';
export * from './config/index.js';
export * from './errors.js';
export * from './jobs/index.js';
export { dispatch } from './notify/dispatch.js';
export type { Alert, Delivery, DeliveryStatus } from './alerts/alert.js';
export type { Channel } from './notify/types.js';
export { jsonLogger, silentLogger, stderrLogger, type Logger } from './log.js';
