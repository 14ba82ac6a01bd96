import { describe, expect, it } from 'vitest';
import { errorMessage, explainAwsError } from '../../shared/aws/errors.js';

const sdkError = (name: string, message: string, status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('AWS errors that point the right way', () => {
  it('"User not enabled for cost explorer access" says to enable Cost Explorer, not to add a permission', () => {
    const out = errorMessage(
      explainAwsError(
        sdkError('AccessDeniedException', 'User not enabled for cost explorer access', 403),
        'Cost Explorer GetCostAndUsage',
        'ce:GetCostAndUsage',
      ),
    );
    expect(out).toMatch(/Cost Explorer is not enabled for this account.*Launch Cost Explorer/);
    expect(out).not.toMatch(/IAM permission ce:|AccessDeniedException/);
  });

  it('AuthFailure in a region names the opt-in region fix, and no error class name leads the text', () => {
    const out = errorMessage(
      explainAwsError(
        sdkError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401),
        'EC2 DescribeInstances in me-south-1',
        'ec2:DescribeInstances',
      ),
    );
    expect(out).toMatch(/^EC2 DescribeInstances in me-south-1: .*opt-in region not enabled/);
    expect(out).not.toMatch(/^AuthFailure|AwsAccessError/);
  });

  it('throttling, DataUnavailable and connection refused name the service and call', () => {
    expect(errorMessage(explainAwsError(sdkError('ThrottlingException', 'Rate exceeded'), 'SNS Publish to arn:x', 'sns:Publish'))).toBe(
      'SNS Publish to arn:x failed after retries (AWS is throttling or unavailable): Rate exceeded',
    );
    expect(
      errorMessage(
        explainAwsError(
          sdkError('DataUnavailableException', 'Data is not available'),
          'Cost Explorer GetCostAndUsage',
          'ce:GetCostAndUsage',
        ),
      ),
    ).toMatch(/^Cost Explorer GetCostAndUsage failed after retries \(data not available yet\)/);
    expect(
      errorMessage(
        explainAwsError(
          sdkError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
          'Secrets Manager GetSecretValue for cost-watch/slack',
          'secretsmanager:GetSecretValue',
        ),
      ),
    ).toBe("Secrets Manager GetSecretValue for cost-watch/slack: not found: Secrets Manager can't find the specified secret.");
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(errorMessage(explainAwsError(refused, 'DynamoDB PutItem on ledger table t', 'dynamodb:PutItem'))).toMatch(
      /^DynamoDB PutItem on ledger table t: connection refused/,
    );
  });
});
