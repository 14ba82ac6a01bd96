/**
 * How people read an account: "Data (111111111111)", or the bare id when it has no
 * other name (ListAccounts unreadable, or a name equal to the id). Escaping is the
 * caller's: the same label goes to Slack, SNS, HTML and the terminal.
 */
export function accountLabel(id: string, name?: string | null): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** What a CLI summary line puts before an account's item: "[Data (111111111111)] "; nothing without an account. */
export function accountPrefix(id: string | null | undefined, name?: string | null): string {
  return id ? `[${accountLabel(id, name)}] ` : '';
}
