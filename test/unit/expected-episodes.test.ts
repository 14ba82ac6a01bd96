import { describe, expect, it } from 'vitest';
import { assessChange } from '../../shared/detect/spike.js';
import { judgeWithEpisode, seriesJudge } from '../../shared/detect/expected/index.js';
import { addDays, dayRange, daysBetween } from '../../shared/time/dates.js';
import { RULES, seriesOf, wobble } from '../support/expected-series.js';

const FROM = '2026-01-05';
const START = '2026-03-09';
const END = '2026-04-08';

describe('drift', () => {
  // 4 % a day from START: no day is 20 % above the day before, nor above a lagging weekly median.
  const climbing = seriesOf(FROM, END, (d, i) => 100 * wobble(i, 1) * 1.04 ** Math.max(0, daysBetween(START, d) + 1));

  it('is caught within a week of its start, by comparing with the level a few weeks before', () => {
    const judge = seriesJudge(climbing, RULES);
    const first = dayRange(START, END).find((d) => judge.day(d).severity !== 'none');
    expect(first).toBeDefined();
    expect(daysBetween(START, first!)).toBeLessThanOrEqual(6);
    expect(judge.day(first!).basis).toBe('drift');
  });

  it('is a climb the previous-day rule never sees', () => {
    const dayOverDay = dayRange(START, END).map((d) => assessChange(climbing.amountOn(d), climbing.amountOn(addDays(d, -1)), RULES));
    expect(dayOverDay.every((a) => a.severity === 'none')).toBe(true);
  });

  it('leaves ordinary growth alone (10 % a month for two months)', () => {
    const growing = seriesOf(FROM, END, (_d, i) => 500 * wobble(i, 2) * 1.0032 ** i);
    const judge = seriesJudge(growing, RULES);
    expect(dayRange(START, END).filter((d) => judge.day(d).severity !== 'none')).toEqual([]);
  });
});

describe('episodes', () => {
  const shifted = (factor: (d: string) => number) => seriesOf(FROM, END, (d, i) => 400 * wobble(i, 1) * (d >= START ? factor(d) : 1));

  it('alerts a sustained rise once, on its first day, and names that day on every later day', () => {
    const judge = seriesJudge(
      shifted(() => 1.4),
      RULES,
    );
    const days = dayRange(START, END);
    expect(days.filter((d) => judge.episode(d).alert)).toEqual([START]);
    for (const d of days.slice(1, 15)) expect(judge.episode(d)).toMatchObject({ alert: false, episodeStart: START });
  });

  it('alerts again within the episode when the severity rises', () => {
    const judge = seriesJudge(
      shifted((d) => (d >= addDays(START, 3) ? 1.9 : 1.3)),
      RULES,
    );
    const alerts = dayRange(START, END).filter((d) => judge.episode(d).alert);
    expect(alerts).toEqual([START, addDays(START, 3)]);
    expect(judge.episode(addDays(START, 3))).toMatchObject({ severity: 'critical', alreadyAlerted: 'warning', episodeStart: START });
  });

  it('does not end the episode on a day that dips under the threshold but stays clearly above expected', () => {
    const dip = addDays(START, 2);
    const judge = seriesJudge(
      shifted((d) => (d === dip ? 1.15 : 1.3)),
      RULES,
    );
    expect(judge.day(dip)).toMatchObject({ severity: 'none', above: true });
    expect(judge.episode(addDays(START, 3))).toMatchObject({ alert: false, episodeStart: START });
  });

  it('starts a new episode after the series came back to normal', () => {
    const twice = new Set([START, addDays(START, 4)]);
    const judge = seriesJudge(
      shifted((d) => (twice.has(d) ? 2 : 1)),
      RULES,
    );
    expect(judge.episode(addDays(START, 4))).toMatchObject({ alert: true, episodeStart: addDays(START, 4) });
  });

  it('derives the same decision from the history alone, whichever run asks and in any order', () => {
    const series = shifted(() => 1.4);
    const later = addDays(START, 5);
    const fresh = judgeWithEpisode(series, later, RULES);
    const warmed = seriesJudge(series, RULES);
    dayRange(START, END).forEach((d) => warmed.episode(d));
    expect(fresh).toEqual(warmed.episode(later));
    expect(fresh).toMatchObject({ alert: false, episodeStart: START, alreadyAlerted: 'warning' });
  });

  it('is not an episode when the day is back at its expected level', () => {
    const judge = seriesJudge(
      shifted((d) => (d === START ? 2 : 1)),
      RULES,
    );
    expect(judge.episode(addDays(START, 2))).toMatchObject({ above: false, episodeStart: null, alert: false });
  });
});
