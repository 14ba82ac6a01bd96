import { STSClient } from '@aws-sdk/client-sts';
import { defaultRegion, RETRY } from './config.js';

export const stsClient = (region = defaultRegion()) => new STSClient({ ...RETRY, region });
