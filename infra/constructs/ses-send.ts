import { Aws } from 'aws-cdk-lib';
import type { ReportEmailConfig } from '../../shared/config/schema.js';
import type { JobPermission } from './permissions.js';

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * ses:SendRawEmail for the finance email, on SES identity ARNs only, never
 * `*`. SES authorizes against the identity the sender was verified as, which
 * is the address or its domain, so both are listed. While the account is in
 * the SES sandbox, SES also authorizes against each recipient's identity, so
 * the recipients (and their domains) are listed too; the ses:FromAddress
 * condition keeps every one of these to sending from the configured sender.
 */
export function sesSendPermission(email: ReportEmailConfig): JobPermission {
  const region = email.region ?? Aws.REGION;
  const identities = [...new Set([email.from, domainOf(email.from), ...email.to.flatMap((a) => [a, domainOf(a)])])];
  return {
    actions: ['ses:SendRawEmail'],
    resources: identities.map((identity) => `arn:${Aws.PARTITION}:ses:${region}:${Aws.ACCOUNT_ID}:identity/${identity}`),
    conditions: { StringEquals: { 'ses:FromAddress': email.from } },
    why:
      'Sends the monthly finance email from report.email.from only (the sender identity, or its verified domain; recipients ' +
      'count as identities in the SES sandbox).',
  };
}
