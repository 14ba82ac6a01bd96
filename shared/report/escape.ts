/**
 * HTML escaping for text from AWS (service names, tag values, budget names):
 * a service called `R&D <beta>` must print as text, never as markup. The same
 * escaping is safe in attribute values because quotes are escaped too.
 */
import { stripBidi } from '../text/bidi.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return stripBidi(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03` → `March 2026`, for titles and subjects a person reads. */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? month} ${y}`;
}
