import type { Delivery } from '../../alerts/alert.js';
import type { JobName } from '../../alerts/jobs.js';
import type { IsoDate, IsoMonth } from '../../time/dates.js';
import type { ClientFactories } from '../../aws/client-factories.js';
import type { JobContext } from './context.js';

/** What the CLI flags and a Lambda event may set; each job reads what applies to it. */
export interface JobOptions {
  readonly date?: IsoDate;
  readonly month?: IsoMonth;
}

export interface JobResult {
  readonly job: JobName;
  readonly deliveries: Delivery[];
}

export interface JobDefinition<R extends JobResult = JobResult> {
  readonly name: JobName;
  readonly description: string;
  /** The SDK clients the job builds: its Lambda bundle carries only these. */
  readonly clients: Partial<ClientFactories>;
  run(ctx: JobContext, options: JobOptions): Promise<R>;
  /** A few lines for a person at a terminal; --json prints the result instead. */
  summarize(result: R): string;
}
