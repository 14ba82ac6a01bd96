import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB applies each conditional write atomically; moto_server checks the
 * condition and writes without a lock, so two requests racing on one item can
 * both pass there. This makes one client's requests reach moto one at a time
 * (as DynamoDB would order them), while the callers still interleave freely.
 */
export function serialDynamo(client: DynamoDBClient): DynamoDBClient {
  let tail: Promise<unknown> = Promise.resolve();
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  const serial = (command: unknown) => {
    const run = tail.then(() => send(command));
    tail = run.catch(() => undefined);
    return run;
  };
  return new Proxy(client, { get: (target, key) => (key === 'send' ? serial : Reflect.get(target, key)) });
}
