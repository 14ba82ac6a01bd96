import { userInfo } from 'node:os';
import type { CostWatchConfig } from '../shared/config/schema.js';
import { loadConfig } from '../shared/config/load.js';
import { muteUntil } from '../shared/alerts/keys.js';
import type { Mute, MuteStore } from '../shared/ledger/mutes.js';
import type { AlertSubject } from '../shared/alerts/alert.js';
import type { CliIo } from './io.js';
import { ledgerTableOf } from './ledger-table.js';
import type { ActionCommand } from './mute-args.js';
import { ACTION_HELP } from './mute-help.js';
import { checkKnownKey, subjectsOf } from './mute-subjects.js';

/** SDK modules load only here: --help and usage errors stay fast. */
async function muteStore(config: CostWatchConfig): Promise<MuteStore> {
  const table = ledgerTableOf(config);
  const [{ MuteStore: Store }, { dynamoClient }] = await Promise.all([
    import('../shared/ledger/mutes.js'),
    import('../shared/aws/clients.js'),
  ]);
  return new Store(dynamoClient(), table);
}

const describe = (t: AlertSubject) => `${t.job} ${t.scope} "${t.key}"${t.account ? ` (account ${t.account})` : ''}`;

function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** mute, unmute, mutes and their help; slack-actions is served by slack-actions-server.ts. */
export async function executeActionCommand(
  command: Exclude<ActionCommand, { kind: 'slack-actions' }>,
  io: CliIo,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  if (command.kind === 'help') {
    io.out(ACTION_HELP[command.topic]);
    return 0;
  }
  const { config } = loadConfig(command.config);
  switch (command.kind) {
    case 'mute': {
      const table = ledgerTableOf(config);
      const subjects = await subjectsOf(command.target, config, { command: 'mute', allAccounts: command.allAccounts }, io, env);
      if (!command.force) await checkKnownKey(command.target, config, table, io.now);
      const store = await muteStore(config);
      const until = muteUntil(io.now, command.days);
      const mutes: Mute[] = subjects.map((s) => ({ ...s, until, by: cliUser() }));
      for (const mute of mutes) await store.put(mute);
      if (command.json) io.out(`${JSON.stringify(command.allAccounts ? { mutes } : { mute: mutes[0] }, null, 2)}\n`);
      else io.out(`${mutes.map((m) => `muted ${describe(m)} until ${m.until}`).join('\n')}\n`);
      return 0;
    }
    case 'unmute': {
      const subjects = await subjectsOf(command.target, config, { command: 'unmute', allAccounts: command.allAccounts }, io, env);
      const store = await muteStore(config);
      const results = [];
      for (const s of subjects) results.push({ ...s, unmuted: await store.remove(s) });
      if (command.json) io.out(`${JSON.stringify(command.allAccounts ? { unmuted: results } : results[0], null, 2)}\n`);
      else {
        const lines = results.map((r) => (r.unmuted ? `unmuted ${describe(r)}` : `no mute for ${describe(r)} (nothing to do)`));
        io.out(`${lines.join('\n')}\n`);
      }
      return 0;
    }
    case 'mutes': {
      const mutes = await (await muteStore(config)).list(io.now);
      if (command.json) io.out(`${JSON.stringify({ mutes }, null, 2)}\n`);
      else if (!mutes.length) io.out('no mutes\n');
      else io.out(`${mutes.map((m) => `${m.until}  ${describe(m)}  by ${m.by}`).join('\n')}\n`);
      return 0;
    }
  }
}
