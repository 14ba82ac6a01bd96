import { EC2Client } from '@aws-sdk/client-ec2';
import { RETRY } from './config.js';

export const ec2Client = (region: string) => new EC2Client({ ...RETRY, region });
