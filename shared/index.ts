export * from './config/index.js';
export * from './errors.js';
export * from './jobs/index.js';
export { anyFailed, dispatch } from './notify/dispatch.js';
export type { Alert, Channel, Delivery, DeliveryStatus } from './notify/types.js';
export { jsonLogger, silentLogger, stderrLogger, type Logger } from './log.js';
