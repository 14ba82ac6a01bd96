/**
 * The demo shows what Slack and SNS received the way the CLI's `--dry-run`
 * shows what it would send: one renderer for both (cli/render-message.ts).
 */
import { renderSlack as drawSlack, renderSns as drawSns } from '../../cli/render-message.js';

/** ANSI styles unless NO_COLOR is set (https://no-color.org). */
const options = { color: !process.env.NO_COLOR };

export const renderSlack = (channel: string, blocks: Parameters<typeof drawSlack>[1]): string => drawSlack(channel, blocks, options);

export const renderSns = (topic: string, m: { subject?: string; message: string; attributes: Record<string, string> }): string =>
  drawSns(topic, m, options);
