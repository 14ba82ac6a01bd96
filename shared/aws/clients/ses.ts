import { SESClient } from '@aws-sdk/client-ses';
import { defaultRegion, RETRY } from './config.js';

/**
 * SES v1, not v2: SendRawEmail takes the same MIME message as v2's SendEmail
 * with raw content, and v1's query protocol shares the XML parser the S3 client
 * already brings, so it adds ~28 KB to the report bundle where v2 adds ~68 KB.
 */
export const sesClient = (region = defaultRegion()) => new SESClient({ ...RETRY, region });
