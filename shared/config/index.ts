export { configSchema, SEVERITIES, type CostWatchConfig, type CostWatchConfigInput, type Severity } from './schema.js';
export { CONFIG_ENV, configFromEnv, DEFAULT_CONFIG_FILE, loadConfig, parseConfig, type LoadedConfig } from './load.js';
