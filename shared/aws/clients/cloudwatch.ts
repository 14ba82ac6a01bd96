import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RETRY } from './config.js';

export const cloudWatchClient = (region: string) => new CloudWatchClient({ ...RETRY, region });
