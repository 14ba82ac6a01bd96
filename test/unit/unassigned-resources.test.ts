import { describe, expect, it } from 'vitest';
import {
  resourceTypeOfArn,
  unassignedResources,
  type ListedResource,
  type TaggedResource,
} from '../../shared/detect/ownership/unassigned.js';

const scope = { account: '111111111111', region: 'us-east-1' };
const ec2 = (type: string, id: string) => `arn:aws:ec2:us-east-1:111111111111:${type}/${id}`;

describe('unassigned resources', () => {
  it('names the resource type as the Tagging API does', () => {
    expect(resourceTypeOfArn(ec2('instance', 'i-1'))).toBe('ec2:instance');
    expect(resourceTypeOfArn('arn:aws:s3:::my-bucket')).toBe('s3:bucket');
    expect(resourceTypeOfArn('arn:aws:rds:us-east-1:111111111111:db:orders')).toBe('rds:db');
    expect(resourceTypeOfArn('arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/1')).toBe(
      'elasticloadbalancing:loadbalancer',
    );
  });

  it('lists each resource missing a key with the keys it lacks and the ones it carries, by ARN', () => {
    const tagged: TaggedResource[] = [
      { arn: ec2('volume', 'vol-1'), tags: { team: 'data' } },
      { arn: 'arn:aws:s3:::logs', tags: { Name: 'logs' } },
      { arn: ec2('instance', 'i-ok'), tags: { team: 'web', env: 'prod' } },
    ];
    expect(unassignedResources(scope, ['team', 'env'], tagged, [])).toEqual([
      { ...scope, arn: ec2('volume', 'vol-1'), resourceType: 'ec2:volume', missing: ['env'], tags: { team: 'data' } },
      { ...scope, arn: 'arn:aws:s3:::logs', resourceType: 's3:bucket', missing: ['team', 'env'], tags: {} },
    ]);
  });

  it('adds the never-tagged resources of the scan listings, once, beside what the Tagging API knows', () => {
    const tagged = [{ arn: ec2('instance', 'i-1'), tags: { Name: 'a' } }];
    const listed: ListedResource[] = [
      { id: 'i-1', arn: ec2('instance', 'i-1'), tags: { Name: 'a' } },
      { id: 'i-2', arn: ec2('instance', 'i-2'), tags: {} },
    ];
    expect(unassignedResources(scope, ['team'], tagged, listed).map((r) => r.arn)).toEqual([
      ec2('instance', 'i-1'),
      ec2('instance', 'i-2'),
    ]);
  });
});
