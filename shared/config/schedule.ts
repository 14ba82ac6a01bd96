/**
 * EventBridge schedule expressions, checked as EventBridge checks them, so a
 * schedule it would reject fails at validate-config rather than at deploy.
 * `rate(value unit)`: a positive whole number and minute(s), hour(s) or day(s),
 * singular exactly for 1. `cron(minutes hours day-of-month month day-of-week year)`:
 * six fields, exactly one of day-of-month and day-of-week is `?`.
 */

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const MINUTES: Field = { name: 'minutes', min: 0, max: 59 };
const HOURS: Field = { name: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: Field = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: Field = { name: 'month', min: 1, max: 12, names: MONTHS };
const DAY_OF_WEEK: Field = { name: 'day-of-week', min: 1, max: 7, names: DAYS };
const YEAR: Field = { name: 'year', min: 1970, max: 2199 };

/** A number or (for month and day-of-week) a name, within the field's range; null when neither. */
function valueOf(token: string, f: Field): number | null {
  if (/^\d+$/.test(token)) {
    const n = Number(token);
    return n >= f.min && n <= f.max ? n : null;
  }
  const i = f.names?.indexOf(token.toUpperCase()) ?? -1;
  return i >= 0 ? f.min + i : null;
}

/** `*`, a value or a range `a-b`, optionally stepped `/n` (n a positive whole number). */
function plainItem(item: string, f: Field): boolean {
  const [base = '', step, extra] = item.split('/');
  if (extra !== undefined) return false;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= f.max)) return false;
  if (base === '*') return true;
  const [from = '', to, more] = base.split('-');
  if (more !== undefined) return false;
  const a = valueOf(from, f);
  if (a === null) return false;
  return to === undefined || valueOf(to, f) !== null;
}

/** `L` (last day), `LW` (last weekday), `15W` (weekday nearest the 15th). */
function dayOfMonthSpecial(item: string): boolean {
  if (item === 'L' || item === 'LW') return true;
  const w = /^(\d+)W$/.exec(item);
  return !!w && valueOf(w[1]!, DAY_OF_MONTH) !== null;
}

/** `L` (Saturday), `6L` / `FRIL` (last Friday), `3#2` / `TUE#2` (second Tuesday). */
function dayOfWeekSpecial(item: string): boolean {
  if (item === 'L') return true;
  const last = /^(\w+)L$/i.exec(item);
  if (last) return valueOf(last[1]!, DAY_OF_WEEK) !== null;
  const nth = /^(\w+)#([1-5])$/.exec(item);
  return !!nth && valueOf(nth[1]!, DAY_OF_WEEK) !== null;
}

function fieldProblem(text: string, f: Field): string | null {
  const ok = text.split(',').every((item) => {
    if (plainItem(item, f)) return true;
    if (f === DAY_OF_MONTH) return dayOfMonthSpecial(item);
    if (f === DAY_OF_WEEK) return dayOfWeekSpecial(item);
    return false;
  });
  if (ok) return null;
  const names = f.names ? ` or ${f.names[0]}-${f.names[f.names.length - 1]}` : '';
  const marks = `* , - /${f === DAY_OF_MONTH ? ' L W' : ''}${f === DAY_OF_WEEK ? ' L #' : ''}`;
  return `its ${f.name} field "${text}" is not valid (expected ${f.min}-${f.max}${names}, with ${marks})`;
}

function cronProblem(body: string): string | null {
  const fields = body.split(' ');
  if (fields.length !== 6 || fields.some((x) => x === ''))
    return `expected six fields separated by single spaces (minutes hours day-of-month month day-of-week year), got "${body}"`;
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) return 'exactly one of day-of-month and day-of-week must be "?"';
  const checks: Array<[string, Field]> = [
    [min, MINUTES],
    [hour, HOURS],
    [month, MONTH],
    [year, YEAR],
  ];
  if (dom !== '?') checks.push([dom, DAY_OF_MONTH]);
  if (dow !== '?') checks.push([dow, DAY_OF_WEEK]);
  for (const [text, f] of checks) {
    const problem = fieldProblem(text, f);
    if (problem) return problem;
  }
  return null;
}

function rateProblem(body: string): string | null {
  const m = /^(\d+) (minutes?|hours?|days?)$/.exec(body);
  if (!m) return `expected "rate(<positive whole number> <minute(s)|hour(s)|day(s)>)", got "rate(${body})"`;
  const n = Number(m[1]);
  if (n < 1 || /^0/.test(m[1]!)) return `expected a positive whole number without leading zeros, got "${m[1]}"`;
  const plural = m[2]!.endsWith('s');
  if (n === 1 && plural) return `a rate of 1 takes the singular unit ("rate(1 ${m[2]!.slice(0, -1)})")`;
  if (n > 1 && !plural) return `a rate above 1 takes the plural unit ("rate(${n} ${m[2]}s)")`;
  return null;
}

/** Why EventBridge would reject `expression`, or null when it accepts it. */
export function scheduleProblem(expression: string): string | null {
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (cron) return cronProblem(cron[1]!);
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) return rateProblem(rate[1]!);
  return 'expected an EventBridge expression such as "cron(0 10 * * ? *)" or "rate(8 hours)"';
}
