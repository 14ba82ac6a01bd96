import { escapeHtml } from '../escape.js';

/**
 * The email's inline styles and small building blocks, shared by its
 * sections. Mail clients drop <style> blocks, so every element carries its own.
 */

export const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const COLOR = {
  text: '#0f172a',
  muted: '#475569',
  rule: '#e2e8f0',
  up: '#b91c1c',
  down: '#15803d',
  bar: '#2563eb',
  over: '#dc2626',
  note: '#fef9c3',
};
export const CELL = `padding:6px 3px;border-bottom:1px solid ${COLOR.rule};vertical-align:top`;
/** A name from AWS may be one long word: it breaks anywhere rather than widening the table past a phone's screen. */
export const NAME = 'word-break:break-word;overflow-wrap:anywhere';
/** 13px keeps a name and three columns of figures inside a 360 px phone (a figure has no place to break). */
export const FIGURE = 'font-size:13px';

export const esc = escapeHtml;
export const presentation = (style: string, body: string) =>
  `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ` +
  `style="border-collapse:collapse;${style}">${body}</table>`;
export const heading = (text: string) =>
  `<h2 style="margin:22px 0 8px;font-size:16px;line-height:1.3;color:${COLOR.text}">${esc(text)}</h2>`;
export const para = (html: string, style = '') =>
  `<p style="margin:6px 0;font-size:14px;line-height:1.45;color:${COLOR.text};${style}">${html}</p>`;
export const small = (html: string) => `<span style="font-size:12px;color:${COLOR.muted}">${html}</span>`;

/** Label and value rows (the review's and the levers' lines): plain text in, escaped here. */
export function labelTable(title: string, lines: ReadonlyArray<readonly [string, string]>): string {
  if (!lines.length) return '';
  const rows = lines.map(
    ([label, value]) =>
      `<tr><td width="30%" style="${CELL};font-size:14px;font-weight:600;color:${COLOR.text};${NAME}">${esc(label)}</td>` +
      `<td style="${CELL};font-size:14px;color:${COLOR.text};${NAME}">${esc(value)}</td></tr>`,
  );
  return (
    heading(title) +
    `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">${rows.join('')}</table>`
  );
}
