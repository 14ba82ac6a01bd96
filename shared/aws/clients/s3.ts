import { S3Client } from '@aws-sdk/client-s3';
import { defaultRegion, RETRY } from './config.js';

/** Emulators serve buckets by path, not by virtual host, whenever an endpoint is set. */
export function s3Client(region = defaultRegion(), env: NodeJS.ProcessEnv = process.env): S3Client {
  const forcePathStyle = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
  return new S3Client({ ...RETRY, region, forcePathStyle });
}
