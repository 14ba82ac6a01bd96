import { describe, expect, it } from 'vitest';
import { missingKeys, ownerTags } from '../../shared/detect/ownership/tags.js';

describe('ownership tags of a resource', () => {
  it('names the keys a resource lacks, in ownership.tags order, an empty value counting as missing', () => {
    expect(missingKeys({ team: 'data', Name: 'x' }, ['team', 'env'])).toEqual(['env']);
    expect(missingKeys({ env: 'prod', team: '  ' }, ['team', 'env'])).toEqual(['team']);
    expect(missingKeys({}, ['team', 'env'])).toEqual(['team', 'env']);
    expect(missingKeys({ team: 'web', env: 'dev' }, ['team', 'env'])).toEqual([]);
  });

  it('keeps only the ownership keys it carries, with their values', () => {
    expect(ownerTags({ team: 'data', Name: 'db', env: '' }, ['team', 'env'])).toEqual({ team: 'data' });
    expect(ownerTags({ Name: 'db' }, ['team'])).toEqual({});
  });
});
