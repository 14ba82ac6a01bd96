import { request } from 'node:http';
import { listenLocal, readBody, type LocalServer } from '../../emulators/http.js';

/** A call as the proxy sees it: the SigV4 scope's service and region, and the API action. */
export interface AwsCall {
  /** Signing name: ec2, rds, elasticloadbalancing, monitoring (CloudWatch), … */
  readonly service: string;
  readonly region: string;
  /** e.g. DescribeDBInstances; from the form body (query protocols) or X-Amz-Target (JSON). */
  readonly action: string;
  /** The request body as sent (form parameters or JSON), e.g. to tell one account's AssumeRole from another's. */
  readonly body: string;
}

export interface InjectedFault {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Stands in front of moto and fails the calls `fault` picks, in the error
 * format of each protocol, passing every other call through. moto has no way
 * to deny one action of one region (no IAM evaluation), so a denied
 * permission is played here. Every call seen is recorded.
 */
export async function awsFaultProxy(
  target: string,
  fault: (call: AwsCall) => InjectedFault | undefined,
): Promise<LocalServer & { url: string; calls: AwsCall[] }> {
  const calls: AwsCall[] = [];
  const server = await listenLocal(async (req, res) => {
    const body = await readBody(req);
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
    const target_ = String(req.headers['x-amz-target'] ?? '');
    const action = target_ ? target_.split('.').pop()! : (new URLSearchParams(body).get('Action') ?? '');
    const call = { service: scope?.[2] ?? '', region: scope?.[1] ?? '', action, body };
    calls.push(call);
    const f = fault(call);
    if (f) {
      if (target_) {
        res.writeHead(f.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${f.code};Sender` });
        res.end(JSON.stringify({ __type: f.code, message: f.message }));
      } else if (call.service === 'ec2') {
        res.writeHead(f.status, { 'content-type': 'text/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${f.code}</Code><Message>${f.message}</Message></Error></Errors><RequestID>fault</RequestID></Response>`,
        );
      } else {
        res.writeHead(f.status, { 'content-type': 'text/xml' });
        res.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>${f.code}</Code><Message>${f.message}</Message></Error><RequestId>fault</RequestId></ErrorResponse>`,
        );
      }
      return;
    }
    await new Promise<void>((resolve) => {
      const upstream = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res).on('finish', resolve);
      });
      upstream.on('error', (err) => {
        res.writeHead(502).end(String(err));
        resolve();
      });
      upstream.end(body);
    });
  });
  return { ...server, url: `http://127.0.0.1:${server.port}`, calls };
}

/** AWS's answer for a region the account has not opted in to: every service fails there. */
export const optInRequired =
  (regions: readonly string[]) =>
  (call: AwsCall): InjectedFault | undefined =>
    regions.includes(call.region) ? { status: 401, code: 'OptInRequired', message: 'You are not subscribed to this service.' } : undefined;

/** An IAM denial of one action (optionally in one region only). */
export const denied =
  (action: string, region?: string) =>
  (call: AwsCall): InjectedFault | undefined =>
    call.action === action && (!region || call.region === region)
      ? {
          status: 403,
          code: call.service === 'ec2' ? 'UnauthorizedOperation' : 'AccessDenied',
          message: `User is not authorized to perform: ${call.service}:${action}`,
        }
      : undefined;

/** STS refusing AssumeRole into these accounts, as when the member role is missing or does not trust the caller. */
export const assumeRoleDenied =
  (accounts: readonly string[]) =>
  (call: AwsCall): InjectedFault | undefined => {
    if (call.action !== 'AssumeRole') return undefined;
    const arn = new URLSearchParams(call.body).get('RoleArn') ?? '';
    return accounts.some((a) => arn.includes(`::${a}:role/`))
      ? { status: 403, code: 'AccessDenied', message: `User is not authorized to perform: sts:AssumeRole on resource: ${arn}` }
      : undefined;
  };

/** Several faults: the first that matches answers. */
export const anyOf =
  (...faults: Array<(call: AwsCall) => InjectedFault | undefined>) =>
  (call: AwsCall): InjectedFault | undefined =>
    faults.map((f) => f(call)).find(Boolean);
