export const JOB_NAMES = ['daily-spend', 'idle-resources', 'budgets', 'monthly-report'] as const;
export type JobName = (typeof JOB_NAMES)[number];
