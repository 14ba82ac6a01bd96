import { createRequire } from 'node:module';
import { JOB_NAMES } from '../shared/alerts/jobs.js';

/** From package.json, so a release needs no second edit. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export const MAIN_HELP = `cost-watch: AWS spend spikes, idle resources, budget tiers and a monthly finance report.

Usage:
  npx cost-watch run <job> [options]        run one job now (locally, against AWS or an emulator)
  npx cost-watch validate-config [--config FILE]
  npx cost-watch mute <job> <key> [--account ID | --all-accounts] [--scope SCOPE] [--days N] [--force] [--config FILE]
  npx cost-watch unmute <job> <key> [--account ID | --all-accounts] [--scope SCOPE] [--config FILE]
  npx cost-watch mutes [--json] [--config FILE]
  npx cost-watch slack-actions --port PORT [--config FILE]   the Slack buttons' endpoint, locally
  npx cost-watch actions [--json] [--config FILE]            budget action records
  npx cost-watch actions undo <id> [--json] [--config FILE]  restore what a budget action changed
  npx cost-watch --help | <command> --help
  npx cost-watch --version

Jobs: ${JOB_NAMES.join(', ')}

Exit codes: 0 ran and delivered · 2 bad usage or config · 3 a delivery failed (re-run delivers what is missing) · 1 other failure
Environment: AWS credentials from the SDK chain; AWS_ENDPOINT_URL[_<SERVICE>] for emulators;
             SLACK_BOT_TOKEN (overrides the secret in config); SLACK_API_URL (default https://slack.com/api/)
             SLACK_SIGNING_SECRET (slack-actions; overrides notify.slack.signingSecretId)
`;

export const RUN_HELP =
  'Usage: npx cost-watch run <job> [--config FILE] [--date YYYY-MM-DD] [--month YYYY-MM [--allow-partial]] [--dry-run] [--json]\n' +
  `
Jobs:
  daily-spend       day-over-day spend spikes per service and in total (Cost Explorer)
  idle-resources    waste by rule (idle, stopped, unattached, gp2, snapshots, IPs, NAT, LBs, RDS), priced
  budgets           AWS Budgets against actual and forecast thresholds, once per tier per period
  monthly-report    FinOps review (html, csv, json, xlsx) to S3; the link through SNS, or the email
                    with the files attached through SES (report.email)

Options:
  --config FILE     config file (default ./cost-watch.config.json when present, else built-in defaults)
  --date DATE       daily-spend: the day to evaluate, compared with its baseline (default yesterday, UTC)
  --month MONTH     monthly-report: calendar month YYYY-MM (default the previous month, UTC)
  --allow-partial   monthly-report: allow the current, unfinished month
  --dry-run         compute everything, send and write nothing; deliveries show "dry-run"
  --json            print exactly one JSON document (the job result) on stdout; logs go to stderr
  -h, --help        this help
`;

export const VALIDATE_HELP = `Usage: npx cost-watch validate-config [--config FILE] [--json]

Checks the config file against the schema and prints the resolved config (defaults filled in).
Exit 0 when valid; 2 with every bad key path named when not.
`;
