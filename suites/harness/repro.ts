// Ready-to-paste reproductions of a rule's requests: an AWS CLI script with
// --endpoint-url and an SDK v3 snippet. No credentials ever appear: the CLI
// uses the caller's profile or environment, as the header comment says.
import type { Target } from '../../targets/target.ts';
import type { Step } from './rule-context.ts';

const kebab = (op: string) => op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The endpoint a reader can reach: the embedded target is served by `serve`. */
function reachable(target: Target): { endpoint?: string; note: string } {
  if (target.kind === 'embedded') {
    return { endpoint: 'http://127.0.0.1:4010', note: '# Start the reference emulator first: npx lambda-conformance serve --port 4010' };
  }
  if (target.kind === 'aws') return { note: '# Real AWS: uses your AWS_PROFILE / environment credentials.' };
  return { endpoint: target.endpoint, note: '# Emulator credentials: any (e.g. AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test).' };
}

function cliLine(step: Step, base: string): string {
  if (step.kind === 'wire') {
    const r = step.request;
    const q = r.query ? `?${new URLSearchParams(r.query)}` : '';
    return `curl -sS -X ${r.method} ${sq(`$ENDPOINT${r.path}${q}`)} -H 'content-type: application/json'${r.body !== undefined ? ` --data-binary ${sq(r.body)}` : ''}`;
  }
  if (step.op === 'CreateFunction') {
    return `aws lambda create-function --function-name ${sq(String(step.input.FunctionName))} --runtime nodejs20.x --handler index.handler --role "$ROLE_ARN" --zip-file fileb://function.zip${base}`;
  }
  return `aws lambda ${kebab(step.op)} --cli-input-json ${sq(JSON.stringify(step.input))}${base}`;
}

export function reproduction(steps: Step[], target: Target): { cli: string; sdk: string } {
  const { endpoint, note } = reachable(target);
  const base = `${endpoint ? ' --endpoint-url "$ENDPOINT"' : ''} --region ${target.region}`;
  const cli = [
    note,
    ...(endpoint ? [`ENDPOINT=${endpoint}`] : []),
    ...(steps.some((s) => s.kind === 'fixture' && s.op === 'CreateFunction') ? ['ROLE_ARN=arn:aws:iam::000000000000:role/lambda-conformance  # your execution role on AWS', '# function.zip: any zip with index.js exporting handler'] : []),
    ...steps.map((s) => cliLine(s, base)),
  ].join('\n');

  const sdkSteps = steps.filter((s): s is Exclude<Step, { kind: 'wire' }> => s.kind !== 'wire');
  const commands = [...new Set(sdkSteps.map((s) => `${s.op}Command`))];
  const sdk = [
    `import { LambdaClient${commands.length ? `, ${commands.join(', ')}` : ''} } from '@aws-sdk/client-lambda';`,
    `const client = new LambdaClient({ region: '${target.region}'${endpoint ? `, endpoint: '${endpoint}'` : ''} });`,
    ...sdkSteps.map((s) =>
      s.op === 'CreateFunction'
        ? `await client.send(new CreateFunctionCommand({ FunctionName: ${JSON.stringify(s.input.FunctionName)}, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: process.env.ROLE_ARN, Code: { ZipFile: zipBytes } }));`
        : `console.log(await client.send(new ${s.op}Command(${JSON.stringify(s.input)})).catch((e) => e));`,
    ),
    ...(steps.some((s) => s.kind === 'wire') ? ['// Raw-wire steps are in the CLI reproduction (curl).'] : []),
  ].join('\n');
  return { cli, sdk };
}
