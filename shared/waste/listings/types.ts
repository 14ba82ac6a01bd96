export interface Listed<T> {
  readonly items: T[];
  /** Requests made, by operation (pages included), for `requests` and the benchmark. */
  readonly calls: Readonly<Record<string, number>>;
}
