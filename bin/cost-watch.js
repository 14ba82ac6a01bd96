#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx), so `npx cost-watch`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

// The SDK warns on every run that Node 20 support ends in 2027; the README
// says so once, and a cron log should not repeat it daily.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!String(w.message).startsWith('NodeVersionSupportWarning')) process.stderr.write(`${w.name}: ${w.message}\n`);
});

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit once stdout is flushed: idle keep-alive sockets must not hold the process open.
process.stdout.write('', () => process.exit(code));
