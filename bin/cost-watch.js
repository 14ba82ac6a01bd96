#!/usr/bin/env node
// Runs the TypeScript CLI straight from source (tsx), so `npx cost-watch`
// works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { hideSdkNodeVersionWarning } = await import('../cli/node-warnings.ts');
hideSdkNodeVersionWarning();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit once stdout is flushed: idle keep-alive sockets must not hold the process open.
process.stdout.write('', () => process.exit(code));
