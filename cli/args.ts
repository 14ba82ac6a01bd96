import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../shared/errors.js';
import { JOB_NAMES, type JobName } from '../shared/alerts/jobs.js';
import { incompleteDayProblem, monthOf, parseIsoDate, parseIsoMonth, today, type IsoDate, type IsoMonth } from '../shared/time/dates.js';

export type Command =
  | { kind: 'help'; topic: 'main' | 'run' | 'validate-config' }
  | { kind: 'version' }
  | { kind: 'validate-config'; config?: string; json: boolean }
  | { kind: 'run'; job: JobName; config?: string; date?: IsoDate; month?: IsoMonth; allowPartial: boolean; dryRun: boolean; json: boolean };

const OPTIONS = {
  config: { type: 'string' },
  date: { type: 'string' },
  month: { type: 'string' },
  'allow-partial': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const COMMANDS = '"run <job>", "validate-config", "mute", "unmute", "mutes" or "slack-actions"';

/** Checked against the clock the command runs with, so tests can pin "today". */
function runSchema(now: Date) {
  const todayUtc = today(now);
  const thisMonth = monthOf(todayUtc);
  return z
    .object({
      job: z.enum(JOB_NAMES, { error: (i) => `unknown job "${String(i.input)}": expected one of ${JOB_NAMES.join(', ')}` }),
      config: z.string().min(1, '--config: expected a file path').optional(),
      date: z
        .string()
        .optional()
        .refine((d) => d === undefined || parseIsoDate(d) !== undefined, { message: 'expected a real calendar date as YYYY-MM-DD' }),
      month: z
        .string()
        .optional()
        .refine((m) => m === undefined || parseIsoMonth(m) !== undefined, { message: 'expected a calendar month as YYYY-MM (01 to 12)' })
        .refine((m) => m === undefined || m <= thisMonth, { message: `expected a month no later than the current one (${thisMonth})` }),
      'allow-partial': z.boolean().default(false),
      'dry-run': z.boolean().default(false),
      json: z.boolean().default(false),
    })
    .superRefine((v, ctx) => {
      if (v.date && v.job !== 'daily-spend' && v.job !== 'idle-resources')
        ctx.addIssue({ code: 'custom', path: ['date'], message: `is for daily-spend and idle-resources; ${v.job} does not take it` });
      else if (v.date) {
        const incomplete = v.job === 'daily-spend' ? incompleteDayProblem(v.date, now) : undefined;
        if (incomplete) ctx.addIssue({ code: 'custom', path: ['date'], message: incomplete });
        else if (v.date > todayUtc)
          ctx.addIssue({ code: 'custom', path: ['date'], message: `expected a date no later than today (${todayUtc} UTC)` });
      }
      if ((v.month || v['allow-partial']) && v.job !== 'monthly-report')
        ctx.addIssue({
          code: 'custom',
          path: [v.month ? 'month' : 'allow-partial'],
          message: `is for monthly-report; ${v.job} does not take it`,
        });
      if (v.month === thisMonth && !v['allow-partial'])
        ctx.addIssue({
          code: 'custom',
          path: ['month'],
          message: `${thisMonth} is not finished yet: add --allow-partial to report it anyway`,
        });
    });
}

function usageFrom(error: z.ZodError): UsageError {
  const first = error.issues[0]!;
  const name = first.path[0];
  const where = name === 'job' || name === undefined ? '' : `--${String(name)}: `;
  return new UsageError(`${where}${first.message}`);
}

export function parseCommand(argv: readonly string[], now: Date): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')} (see --help)`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command) {
    if (values.help) return { kind: 'help', topic: 'main' };
    if (values.version) return { kind: 'version' };
    throw new UsageError(`missing command: expected ${COMMANDS} (see --help)`);
  }
  if (values.version) throw new UsageError(`--version: expected on its own (npx cost-watch --version)`);
  if (command === 'help') return { kind: 'help', topic: 'main' };
  if (command === 'validate-config') {
    if (values.help) return { kind: 'help', topic: 'validate-config' };
    if (rest.length) throw new UsageError(`validate-config: unexpected argument "${rest[0]}"`);
    for (const flag of ['date', 'month', 'allow-partial', 'dry-run'] as const)
      if (values[flag] !== undefined) throw new UsageError(`validate-config: --${flag} is for "run"`);
    return { kind: 'validate-config', config: values.config, json: values.json ?? false };
  }
  if (command !== 'run') throw new UsageError(`unknown command "${command}": expected ${COMMANDS} (see --help)`);
  if (values.help) return { kind: 'help', topic: 'run' };
  if (rest.length === 0) throw new UsageError(`run: missing <job>: expected one of ${JOB_NAMES.join(', ')}`);
  if (rest.length > 1) throw new UsageError(`run: unexpected argument "${rest[1]}" after the job name`);

  const result = runSchema(now).safeParse({ ...values, job: rest[0] });
  if (!result.success) throw usageFrom(result.error);
  const v = result.data;
  return {
    kind: 'run',
    job: v.job,
    config: v.config,
    date: v.date,
    month: v.month,
    allowPartial: v['allow-partial'],
    dryRun: v['dry-run'],
    json: v.json,
  };
}
