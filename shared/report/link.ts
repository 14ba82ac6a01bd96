import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ReportObject } from './storage.js';

/** A pre-signed GET link and the moment it stops working. */
export interface ReportLink {
  readonly url: string;
  /** ISO timestamp. */
  readonly expiresAt: string;
}

/** SigV4 caps a pre-signed URL at 7 days. */
export const LINK_SECONDS = 7 * 24 * 3600;
/** A link that dies within the hour is not worth sending to finance. */
const MIN_LINK_SECONDS = 3600;

/** What the signing credentials tell about their own lifetime. */
export interface SigningCredentials {
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

/**
 * How long a link signed with these credentials works, in seconds, or null when
 * that is unknown or too short. A pre-signed URL stops working when the
 * credentials that signed it expire: long-term keys give the full 7 days;
 * temporary credentials that state their expiration (SSO, assumed roles,
 * AWS_CREDENTIAL_EXPIRATION) give at most that; temporary credentials that do
 * not (Lambda's role in the environment) could die within minutes, so no link.
 */
export function linkLifetime(creds: SigningCredentials, now: Date): number | null {
  if (!creds.expiration) return creds.sessionToken ? null : LINK_SECONDS;
  const seconds = Math.min(LINK_SECONDS, Math.floor((creds.expiration.getTime() - now.getTime()) / 1000));
  return seconds >= MIN_LINK_SECONDS ? seconds : null;
}

/** Signs a GET link for the object that works as long as the email says, or returns null (signing is local: no request). */
export async function reportLink(s3: S3Client, o: ReportObject, now: Date): Promise<ReportLink | null> {
  const seconds = linkLifetime(await s3.config.credentials(), now);
  if (seconds === null) return null;
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: o.bucket, Key: o.key }), { expiresIn: seconds, signingDate: now });
  return { url, expiresAt: new Date(now.getTime() + seconds * 1000).toISOString() };
}
