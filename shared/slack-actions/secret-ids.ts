/** Where the Slack app's signing secret is kept when `notify.slack.signingSecretId` is not set. */
export const DEFAULT_SIGNING_SECRET_ID = 'cost-watch/slack-signing-secret';
