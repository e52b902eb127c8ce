// Reproductions of a rule's requests that run as written: a bash script for the
// AWS CLI v2 and a self-contained Node (ESM) snippet for the SDK v3. Both use
// the run's endpoint, region, account and role (a role the run made is made
// again, then removed), build the deployment package inline, sign raw HTTP
// steps (curl --aws-sigv4; SignatureV4 in the snippet), print every answer,
// and remove what they created at the end. No credential is ever written:
// AWS reads the caller's profile or environment; emulators get `test`.
import { handlerZip } from '../../fixtures/zip.ts';
import type { Target } from '../../targets/target.ts';
import { pathWithQuery } from '../../targets/wire.ts';
import type { Step } from './rule-context.ts';
import type { RunConfig } from './run-config.ts';

const kebab = (op: string) => op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
/** A shell word in single quotes, whatever it holds. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ZIP_BASE64 = Buffer.from(handlerZip()).toString('base64');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

interface Place {
  /** The endpoint to send to; undefined on AWS (the CLI and SDK find it). */
  endpoint?: string;
  region: string;
  header: string[];
  /** `given`: use roleArn as is; `create`: create `roleName` first (and delete it at the end). */
  role: { kind: 'given'; arn: string } | { kind: 'create'; name: string };
}

/** Where a reader reproduces: the embedded target is served by `serve`; a role the run created is created again. */
function placeOf(target: Target, config: RunConfig): Place {
  const created = config.environment?.role === 'created';
  const role: Place['role'] = created ? { kind: 'create', name: `${config.prefix.slice(0, 10)}repro-role` } : { kind: 'given', arn: target.roleArn };
  if (target.kind === 'embedded') {
    return {
      endpoint: 'http://127.0.0.1:4010',
      region: target.region,
      role,
      header: ['Start the reference emulator first: npx lambda-conformance serve --port 4010'],
    };
  }
  if (target.kind === 'aws')
    return { region: target.region, role, header: ['Real AWS: uses your AWS_PROFILE or environment credentials, in the account of the run.'] };
  return { endpoint: target.endpoint, region: target.region, role, header: [`The emulator at ${target.endpoint}; any credentials (test/test unless set).`] };
}

function cliStep(step: Step, createdFunctions: string[]): string {
  if (step.kind === 'wire') {
    const r = step.request;
    return [
      `curl -sS -X ${r.method} "$ENDPOINT"${sq(pathWithQuery(r))} --aws-sigv4 "aws:amz:$REGION:lambda" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`,
      `  \${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"} -H 'content-type: application/json'`,
      `${r.body !== undefined ? `  --data-binary ${sq(r.body)}` : ''} -w '\\nHTTP %{http_code}\\n'`,
    ]
      .filter((l) => l.trim())
      .join(' \\\n');
  }
  if (step.op === 'CreateFunction') {
    const name = String(step.input.FunctionName);
    createdFunctions.push(name);
    return `lambda create-function --function-name ${sq(name)} --runtime nodejs20.x --handler index.handler --role "$ROLE_ARN" --zip-file fileb://"$ZIP" --query FunctionArn --output text`;
  }
  return `lambda ${kebab(step.op)} --cli-input-json ${sq(JSON.stringify(step.input))}`;
}

function cliScript(steps: Step[], p: Place): string {
  const functions: string[] = [];
  // Each step announces itself, so that a reader (or a test) can tell which answer is whose.
  const body = steps.flatMap((s, i) => {
    const line = cliStep(s, functions);
    return [`echo ${sq(`--- step ${i + 1}: ${s.kind === 'wire' ? `${s.request.method} ${s.request.path}` : s.op}`)}`, s.kind === 'wire' ? line : `aws ${line}`];
  });
  const roleSetup =
    p.role.kind === 'given'
      ? [`ROLE_ARN=${sq(p.role.arn)}`]
      : [
          `ROLE_ARN=$(aws iam create-role --role-name ${sq(p.role.name)} --assume-role-policy-document ${sq(TRUST)} --query Role.Arn --output text 2>/dev/null ||`,
          `  aws iam get-role --role-name ${sq(p.role.name)} --query Role.Arn --output text)`,
        ];
  const needsRole = steps.some((s) => s.kind === 'fixture' && s.op === 'CreateFunction');
  return [
    '#!/usr/bin/env bash',
    ...p.header.map((h) => `# ${h}`),
    '# Prints every answer; removes what it created at the end.',
    ...(p.endpoint
      ? // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, for the script
        [`ENDPOINT=${sq(p.endpoint)}`, 'export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}']
      : [`ENDPOINT=${sq(`https://lambda.${p.region}.amazonaws.com`)}`]),
    `REGION=${sq(p.region)}`,
    "export AWS_PAGER=''",
    `aws() { command aws ${p.endpoint ? '--endpoint-url "$ENDPOINT" ' : ''}--region "$REGION" "$@"; }`,
    ...(needsRole
      ? [
          '# The deployment package: index.js exporting a handler, zipped.',
          'ZIP=$(mktemp --suffix=.zip)',
          `echo ${sq(ZIP_BASE64)} | base64 -d > "$ZIP"`,
          ...roleSetup,
        ]
      : []),
    ...body,
    '# Clean-up',
    ...functions.reverse().map((f) => `aws lambda delete-function --function-name ${sq(f)}`),
    ...(needsRole && p.role.kind === 'create' ? [`aws iam delete-role --role-name ${sq(p.role.name)}`] : []),
    ...(needsRole ? ['rm -f "$ZIP"'] : []),
  ].join('\n');
}

const SIGNED_FETCH = `// Raw HTTP steps, signed like the SDK's requests.
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac } from 'node:crypto';
class Sha256 {
  constructor(secret) { this.h = secret ? createHmac('sha256', secret) : createHash('sha256'); }
  update(d) { this.h.update(d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}
const signer = new SignatureV4({ service: 'lambda', region, credentials: await client.config.credentials(), sha256: Sha256 });
async function raw(method, path, query, body) {
  const url = new URL(endpoint ?? \`https://lambda.\${region}.amazonaws.com\`);
  const signed = await signer.sign({ method, protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path, query, headers: { host: url.host, 'content-type': 'application/json' }, body });
  const { host, ...headers } = signed.headers;
  const res = await fetch(\`\${url.origin}\${path}\${Object.keys(query).length ? '?' + new URLSearchParams(query) : ''}\`, { method, headers, body });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
}`;

function sdkSnippet(steps: Step[], p: Place): string {
  const ops = [...new Set(steps.flatMap((s) => (s.kind === 'wire' ? [] : [s.op])))];
  const needsRole = ops.includes('CreateFunction');
  const functions: string[] = [];
  // One JSON line per step: { step, op, answer }.
  const print = (i: number, op: string, answer: string) => `print(${i + 1}, ${JSON.stringify(op)}, ${answer});`;
  const lines = steps.map((s, i) => {
    if (s.kind === 'wire') {
      const r = s.request;
      return print(
        i,
        `${r.method} ${pathWithQuery(r)}`,
        `await raw(${JSON.stringify(r.method)}, ${JSON.stringify(r.path)}, ${JSON.stringify(r.query ?? {})}, ${r.body === undefined ? 'undefined' : JSON.stringify(r.body)})`,
      );
    }
    if (s.op === 'CreateFunction') {
      functions.push(String(s.input.FunctionName));
      return print(
        i,
        'CreateFunction',
        `await show(client.send(new CreateFunctionCommand({ FunctionName: ${JSON.stringify(s.input.FunctionName)}, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: roleArn, Code: { ZipFile: zip } })))`,
      );
    }
    return print(i, s.op, `await show(client.send(new ${s.op}Command(${JSON.stringify(s.input)})))`);
  });
  const lambdaImports = [...ops, ...(functions.length ? ['DeleteFunction'] : [])].map((o) => `${o}Command`);
  const role = p.role;
  const createRole = needsRole && role.kind === 'create';
  return [
    ...p.header.map((h) => `// ${h}`),
    `// Save as repro.mjs next to a node_modules with @aws-sdk/client-lambda${createRole ? ' and @aws-sdk/client-iam' : ''}, then: node repro.mjs`,
    `import { LambdaClient${lambdaImports.length ? `, ${[...new Set(lambdaImports)].join(', ')}` : ''} } from '@aws-sdk/client-lambda';`,
    ...(createRole ? [`import { IAMClient, CreateRoleCommand, DeleteRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';`] : []),
    "process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';",
    `const region = ${JSON.stringify(p.region)};`,
    `const endpoint = ${p.endpoint ? JSON.stringify(p.endpoint) : 'undefined'};`,
    p.endpoint
      ? "const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' };"
      : 'const credentials = undefined; // the default chain: your profile or environment',
    'const client = new LambdaClient({ region, endpoint, credentials, maxAttempts: 1 });',
    "/** An answer as data: the output without $metadata, or the error's name, status and message. */",
    'const show = (p) => p.then(({ $metadata, ...out }) => ({ status: $metadata.httpStatusCode, ...out }), (e) => ({ status: e.$metadata?.httpStatusCode, error: e.name, message: e.message }));',
    'const print = (step, op, answer) => console.log(JSON.stringify({ step, op, answer }));',
    ...(steps.some((s) => s.kind === 'wire') ? [SIGNED_FETCH] : []),
    ...(needsRole
      ? [
          `const zip = Buffer.from(${JSON.stringify(ZIP_BASE64)}, 'base64'); // index.js exporting a handler, zipped`,
          ...(createRole
            ? [
                'const iam = new IAMClient({ region, endpoint, credentials });',
                `const RoleName = ${JSON.stringify(role.kind === 'create' ? role.name : '')};`,
                `const roleArn = (await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: ${JSON.stringify(TRUST)} })).catch(() => iam.send(new GetRoleCommand({ RoleName })))).Role.Arn;`,
              ]
            : [`const roleArn = ${JSON.stringify(role.kind === 'given' ? role.arn : '')};`]),
        ]
      : []),
    'try {',
    ...lines.map((l) => `  ${l}`),
    '} finally {',
    ...functions.reverse().map((f) => `  await client.send(new DeleteFunctionCommand({ FunctionName: ${JSON.stringify(f)} })).catch(() => {});`),
    ...(createRole && role.kind === 'create' ? [`  await iam.send(new DeleteRoleCommand({ RoleName: ${JSON.stringify(role.name)} })).catch(() => {});`] : []),
    '}',
  ].join('\n');
}

export function reproduction(steps: Step[], target: Target, config: RunConfig): { cli: string; sdk: string } {
  const p = placeOf(target, config);
  return { cli: cliScript(steps, p), sdk: sdkSnippet(steps, p) };
}
