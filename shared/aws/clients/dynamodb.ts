import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defaultRegion, RETRY } from './config.js';

export const dynamoClient = (region = defaultRegion()) => new DynamoDBClient({ ...RETRY, region });
