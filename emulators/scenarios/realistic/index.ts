export { realisticScenario, type RealisticOptions, type RealisticRecord, type RealisticScenario } from './generate.js';
export { plantedAnomalies, RI_FEE, type AnomalyKind, type PlantedAnomaly } from './anomalies.js';
export { SERVICES, type ServiceProfile } from './services.js';
