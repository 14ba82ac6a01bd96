/**
 * Everything a command touches outside its arguments: where it writes and the
 * clock it runs with. The bin passes the process's own; tests pass their own
 * to run commands in-process.
 */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The clock the command runs with, so tests can pin "today". */
  readonly now: Date;
  /** ANSI styles in what goes to stderr (a terminal). @default false */
  readonly color?: boolean;
}

export const processIo = (): CliIo => ({
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  now: new Date(),
  color: process.stderr.isTTY === true,
});
