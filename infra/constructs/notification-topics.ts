import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface NotificationTopicsProps {
  /**
   * Addresses subscribed (by email, after they confirm) to the report topic.
   * @default - no subscriptions
   */
  readonly reportEmails?: readonly string[];
}

/** AWS services that publish to our topics and so must use the topic key. */
const PUBLISHING_SERVICES = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'];

/**
 * The alert topic (job alerts, CloudWatch alarms) and the report topic (the
 * monthly finance report, with email subscriptions), both encrypted with one
 * customer-managed key. A customer key is required: CloudWatch alarms cannot
 * publish to a topic encrypted with the AWS-managed alias/aws/sns key, whose
 * policy cannot be changed to admit them.
 */
export class NotificationTopics extends Construct {
  /** Customer-managed key encrypting both topics. */
  readonly key: Key;
  /** Alerts from the jobs and from the stack's alarms. */
  readonly alertTopic: Topic;
  /** The monthly report announcement, delivered to finance by email. */
  readonly reportTopic: Topic;

  constructor(scope: Construct, id: string, props: NotificationTopicsProps = {}) {
    super(scope, id);
    const emails = props.reportEmails ?? [];
    const duplicate = emails.find((e, i) => emails.indexOf(e) !== i);
    if (duplicate) throw new Error(`NotificationTopics: \`reportEmails\` lists ${duplicate} twice; list each address once`);

    this.key = new Key(this, 'Key', {
      description: 'cost-watch: encrypts the alert and report SNS topics',
      enableKeyRotation: true,
      // SNS only holds messages in flight, so no data outlives the key: deleting it with the stack is safe.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowAlarmsAndEventBridgeToPublishToEncryptedTopics',
        principals: PUBLISHING_SERVICES.map((s) => new ServicePrincipal(s)),
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy "*" means this key. No source condition: the services'
        // documented key policy has none, and the topic policies already limit
        // who may publish.
        resources: ['*'],
      }),
    );

    this.alertTopic = new Topic(this, 'AlertTopic', { displayName: 'cost-watch alerts', masterKey: this.key, enforceSSL: true });
    this.reportTopic = new Topic(this, 'ReportTopic', { displayName: 'cost-watch reports', masterKey: this.key, enforceSSL: true });

    // Our topic policy (created for enforceSSL) replaces SNS's default one, so
    // the alarm service needs an explicit grant to publish alarm notifications.
    this.alertTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alertTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );

    for (const email of emails) this.reportTopic.addSubscription(new EmailSubscription(email));
  }
}
