import { SNSClient } from '@aws-sdk/client-sns';
import { defaultRegion, RETRY } from './config.js';

export const snsClient = (region = defaultRegion()) => new SNSClient({ ...RETRY, region });
