/** The few log calls a job makes; the CLI writes them to stderr, the Lambda as JSON lines. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Progress on long runs: shown on a terminal, kept out of --json's stdout. */
  progress(message: string): void;
}

export interface StderrLoggerOptions {
  readonly quiet?: boolean;
  /** Where the lines go. @default process.stderr */
  readonly write?: (text: string) => void;
}

export function stderrLogger(options: StderrLoggerOptions = {}): Logger {
  const out = options.write ?? ((text: string) => void process.stderr.write(text));
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : '';
    out(`cost-watch ${level}: ${message}${extra}\n`);
  };
  return {
    info: (m, f) => void (!options.quiet && write('info', m, f)),
    warn: (m, f) => write('warn', m, f),
    progress: (m) => void (!options.quiet && out(`… ${m}\n`)),
  };
}

/** Lambda's JSON log format picks these up as structured fields. */
export function jsonLogger(): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.log(JSON.stringify({ level, message, ...fields }));
  return {
    info: (m, f) => write('INFO', m, f),
    warn: (m, f) => write('WARN', m, f),
    progress: (m) => write('DEBUG', m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, progress() {} };
