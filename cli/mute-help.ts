import { JOB_NAMES } from '../shared/alerts/jobs.js';
import type { ActionCommandName } from './mute-args.js';

const JOBS = JOB_NAMES.join(', ');

export const ACTION_HELP: Record<ActionCommandName, string> = {
  mute: `Usage: npx cost-watch mute <job> <key> [--account ID | --all-accounts] [--scope SCOPE] [--days N] [--force]
                            [--config FILE] [--json]

Stops alerts about one subject for N days: every job checks mutes before it sends, and a muted
alert shows status "muted" in the result (it is still computed and listed). Same as the
"Mute 7 days" button on a Slack alert. Mutes live in the config's ledgerTable.

  <job>            ${JOBS}
  <key>            what the alerts are about: the service name (daily-spend), the resource id
                   (idle-resources), the budget name (budgets), the month (monthly-report)
  --scope SCOPE    daily-spend: service (default), total (key "total"), account (key: the account
                   id), anomaly (key: the AWS anomaly id), unit-cost (key: the unit, e.g. "order");
                   idle-resources: instance or volume (default from the id), or the rule name;
                   budgets: budget; monthly-report: report (key: the month)
  --account ID     the 12-digit account the alerts are about; required with an organization config
                   (except for the organization-wide scopes total, unit-cost and report)
  --all-accounts   organization: mute the subject in every account the jobs cover
  --days N         1 to 90 (default 7)
  --force          mute a key cost-watch has never seen (by default an unknown key is refused,
                   with the closest known keys: service names from Cost Explorer, subjects from the ledger)
  --config FILE    config file (default ./cost-watch.config.json)
  --json           print the mute as JSON

Example: npx cost-watch mute daily-spend "Amazon Elastic Compute Cloud - Compute" --days 3 --config cost-watch.config.json
Exit codes: 0 muted · 2 bad job, unknown key, --account, --days or config · 1 other failure
`,
  unmute: `Usage: npx cost-watch unmute <job> <key> [--account ID | --all-accounts] [--scope SCOPE] [--config FILE] [--json]

Ends a mute now (arguments as for "mute"; --all-accounts ends it in every account); the next run
alerts the subject again. Exit 0 whether
or not there was a mute to end (the output says which); 2 for a bad job, key or config.
`,
  mutes: `Usage: npx cost-watch mutes [--json] [--config FILE]

Lists the mutes that still hold, soonest to end first.
--json prints { "mutes": [ { job, scope, key, account, until, by } ] }.
`,
  'slack-actions': `Usage: npx cost-watch slack-actions --port PORT [--config FILE]

Serves the Slack actions endpoint (the same handler as the deployed function URL) on
http://127.0.0.1:PORT/slack/actions, for local testing with a tunnel or the fake Slack.
Needs SLACK_SIGNING_SECRET (or the secret named by notify.slack.signingSecretId) and the
config's ledgerTable. Stop it with Ctrl-C.
`,
};
