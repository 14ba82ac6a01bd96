import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FULL_CONFIG, synthStack, SYNTH_TIMEOUT } from './app-fixture.js';

describe('what the stack leaves to its operators', { timeout: SYNTH_TIMEOUT }, () => {
  let template: Template;
  beforeAll(() => {
    ({ template } = synthStack({ config: FULL_CONFIG }));
  }, SYNTH_TIMEOUT);

  it('outputs the ledger table name that mute and unmute need', () => {
    const [output] = Object.values(template.findOutputs('LedgerTableName'));
    const [tableId] = Object.keys(template.findResources('AWS::DynamoDB::Table'));

    expect(output?.Value).toEqual({ Ref: tableId });
  });

  it('retains the ledger table, the report bucket and its access-log bucket when the stack is destroyed, and nothing else', () => {
    const retained = Object.entries(template.toJSON().Resources as Record<string, { Type: string; DeletionPolicy?: string }>)
      .filter(([, r]) => r.DeletionPolicy === 'Retain')
      .map(([, r]) => r.Type)
      .sort();

    expect(retained).toEqual(['AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::S3::Bucket']);
  });
});
