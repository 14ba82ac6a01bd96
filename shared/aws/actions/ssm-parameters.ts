import {
  DeleteParameterCommand,
  GetParameterCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  type ParameterType,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { tagMap, type TagMap } from '../../detect/actions/tags.js';
import { explainAwsError } from '../errors.js';

export type ParameterNow = { readonly exists: false } | { readonly exists: true; readonly value: string; readonly type: string };

/** The parameter's value now; a missing parameter is an answer (the action creates it, undo deletes it). */
export async function readParameter(ssm: SSMClient, name: string, region: string): Promise<ParameterNow> {
  try {
    const out = await ssm.send(new GetParameterCommand({ Name: name }));
    return { exists: true, value: out.Parameter?.Value ?? '', type: out.Parameter?.Type ?? 'String' };
  } catch (err) {
    if ((err as Error)?.name === 'ParameterNotFound') return { exists: false };
    throw explainAwsError(err, `SSM GetParameter ${name} in ${region}`, 'ssm:GetParameter');
  }
}

export async function parameterTags(ssm: SSMClient, name: string, region: string): Promise<TagMap> {
  const out = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name })).catch((err: unknown) => {
    throw explainAwsError(err, `SSM ListTagsForResource ${name} in ${region}`, 'ssm:ListTagsForResource');
  });
  return tagMap(out.TagList);
}

/** PutParameter with overwrite. */
export async function writeParameter(ssm: SSMClient, name: string, value: string, type: string, region: string): Promise<void> {
  await ssm
    .send(new PutParameterCommand({ Name: name, Value: value, Type: type as ParameterType, Overwrite: true }))
    .catch((err: unknown) => {
      throw explainAwsError(err, `SSM PutParameter ${name} in ${region}`, 'ssm:PutParameter');
    });
}

export async function deleteParameter(ssm: SSMClient, name: string, region: string): Promise<void> {
  await ssm.send(new DeleteParameterCommand({ Name: name })).catch((err: unknown) => {
    if ((err as Error)?.name === 'ParameterNotFound') return;
    throw explainAwsError(err, `SSM DeleteParameter ${name} in ${region}`, 'ssm:DeleteParameter');
  });
}
