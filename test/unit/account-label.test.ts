import { describe, expect, it } from 'vitest';
import { accountLabel } from '../../shared/text/account-label.js';

describe('account label', () => {
  it('names an account by its name and id', () => {
    expect(accountLabel('111111111111', 'Data')).toBe('Data (111111111111)');
  });

  it('shows the bare id when the name is missing or is the id', () => {
    expect(accountLabel('111111111111', null)).toBe('111111111111');
    expect(accountLabel('111111111111', '111111111111')).toBe('111111111111');
  });
});
