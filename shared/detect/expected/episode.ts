import { addDays, type IsoDate } from '../../time/dates.js';
import type { SpikeRules, SpikeSeverity } from '../spike.js';
import { judgeDay, severityRank, type DayJudgement } from './judge.js';
import { DEFAULT_MODEL, type DailySeries, type ModelOptions } from './series.js';

export interface EpisodeJudgement extends DayJudgement {
  /** First alerted day of the episode this day belongs to; null when the day is not above expected at all. */
  readonly episodeStart: IsoDate | null;
  /** The worst severity already alerted in this episode before this day. */
  readonly alreadyAlerted: SpikeSeverity;
  /** true when this day is news: a spike starting an episode, or one whose severity rose. */
  readonly alert: boolean;
}

/** A series judged day by day; each day is judged once per run, whatever asks for it. */
export interface SeriesJudge {
  readonly day: (date: IsoDate) => DayJudgement;
  readonly episode: (date: IsoDate) => EpisodeJudgement;
}

/**
 * Episodes without a ledger: the days before `date` are judged by the same rule, each with its own
 * history, and followed back while they stay above expected. Every run re-derives the same answer
 * for the same day (the judged window never depends on the run date), so a re-checked day keeps its
 * decision and a sustained rise alerts once, then again only if its severity rises.
 */
export function seriesJudge(series: DailySeries, rules: SpikeRules, options: ModelOptions = DEFAULT_MODEL): SeriesJudge {
  const memo = new Map<IsoDate, DayJudgement>();
  const day = (date: IsoDate): DayJudgement => {
    let j = memo.get(date);
    if (!j) memo.set(date, (j = judgeDay(series, date, rules, options)));
    return j;
  };
  const episode = (date: IsoDate): EpisodeJudgement => {
    const today = day(date);
    if (!today.above) return { ...today, episodeStart: null, alreadyAlerted: 'none', alert: false };
    let alreadyAlerted: SpikeSeverity = 'none';
    let start: IsoDate | null = today.severity !== 'none' ? date : null;
    for (let back = 1; back <= options.episodeLookbackDays; back++) {
      const d = addDays(date, -back);
      if (d < series.from) break;
      const earlier = day(d);
      if (!earlier.above) break;
      if (earlier.severity !== 'none') {
        start = d;
        if (severityRank(earlier.severity) > severityRank(alreadyAlerted)) alreadyAlerted = earlier.severity;
      }
    }
    const alert = severityRank(today.severity) > severityRank(alreadyAlerted);
    return { ...today, episodeStart: start, alreadyAlerted, alert };
  };
  return { day, episode };
}

/** One day's judgement with its episode, for callers that judge a single day. */
export function judgeWithEpisode(
  series: DailySeries,
  date: IsoDate,
  rules: SpikeRules,
  options: ModelOptions = DEFAULT_MODEL,
): EpisodeJudgement {
  return seriesJudge(series, rules, options).episode(date);
}
