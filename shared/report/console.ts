/**
 * `s3://bucket/reports/2026-10/` → the S3 console page of that folder. It
 * needs an AWS sign-in but never expires, unlike a pre-signed link.
 */
export function s3ConsoleUrl(location: string): string {
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/(.*)$/.exec(location) ?? [];
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(bucket)}?prefix=${encodeURIComponent(prefix)}`;
}
