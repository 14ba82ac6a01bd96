/**
 * `npm run slack:manifest -- --url URL`: prints docs/slack-app-manifest.json
 * with the interactivity request URL filled in (the stack's SlackActionsUrl
 * output), ready to paste into Slack's "Create New App → From an app manifest".
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

let url: string | undefined;
try {
  url = parseArgs({ options: { url: { type: 'string' } } }).values.url;
} catch (err) {
  url = undefined;
  process.stderr.write(`${(err as Error).message}\n`);
}
if (!url || !/^https:\/\/[^\s"]+$/.test(url)) {
  process.stderr.write(
    `--url: expected the stack's SlackActionsUrl output (https://…), got ${url === undefined ? 'nothing' : `"${url}"`}\n`,
  );
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(new URL('../docs/slack-app-manifest.json', import.meta.url), 'utf8'));
manifest.settings.interactivity.request_url = url;
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
