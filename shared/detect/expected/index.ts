export { DEFAULT_MODEL, daysToFetch, seriesFromMap, type DailySeries, type ModelOptions } from './series.js';
export { expectedSpend, type Expected, type ExpectedBasis } from './expected.js';
export { judgeDay, severityRank, type DayJudgement, type JudgementBasis } from './judge.js';
export { judgeWithEpisode, seriesJudge, type EpisodeJudgement, type SeriesJudge } from './episode.js';
export { judgeCharges, recordKind, type ChargeJudgement, type ChargePosting, type RecordKind } from './charges.js';
export { describeBasis } from './describe.js';
export { weekdayFactors, type WeekdayFactors } from './weekday.js';
