/**
 * HTTP requests an SDK call made, retries included, from the `$metadata` the
 * SDK puts on every response and on the error it finally throws. Jobs report
 * requests this way so that their counts match what AWS (or a double) saw.
 */
export const attemptsOf = (outcome: unknown): number => {
  const o = outcome as { $metadata?: { attempts?: number }; cause?: unknown } | undefined;
  // An error we explained (AwsAccessError) keeps the SDK's error as its cause.
  const n = o?.$metadata?.attempts ?? (o?.cause as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts;
  return typeof n === 'number' && n > 0 ? n : 1;
};
