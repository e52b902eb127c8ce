// STS GetCallerIdentity (awsQuery, POST / with Action=GetCallerIdentity): lets
// the served emulator stand in for AWS in tests of the account allowlist. The
// account is the one the emulator derives from the credentials (see context.ts).
import { http } from 'msw';
import { randomUUID } from 'node:crypto';
import { requestContext } from '../context.ts';
import type { EmulatorEnv } from '../route.ts';

const xml = (account: string, accessKey: string) => `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${account}:user/lambda-conformance</Arn>
    <UserId>${accessKey.replace(/[^A-Z0-9]/gi, '')}</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

export const getCallerIdentity = (env: EmulatorEnv) =>
  http.post('*/', async ({ request }) => {
    const form = new URLSearchParams(await request.clone().text());
    if (form.get('Action') !== 'GetCallerIdentity') return undefined; // not ours: fall through
    const ctx = requestContext(request, env.options);
    const accessKey = /Credential=([^/]+)\//.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    return new Response(xml(ctx.account, accessKey), { status: 200, headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': randomUUID() } });
  });
