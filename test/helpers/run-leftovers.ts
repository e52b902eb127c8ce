// What the tests against real emulators (moto, LocalStack) check after a run:
// nothing of it is left on the target, and which rules need real destinations.
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { COMPANIONS, type CompanionKind } from '../../fixtures/companions.ts';
import { serviceClients } from '../../targets/service-clients.ts';
import { connectTarget } from '../../targets/target.ts';
import type { RuleId } from '../../specs/rules/index.ts';

/** The rules that need a real SQS queue, SNS topic, EventBridge bus and S3 bucket on a URL target. */
export const DESTINATION_RULES: readonly RuleId[] = [
  'destination.sqs.accepted',
  'destination.sns.accepted',
  'destination.eventbridge.accepted',
  'destination.s3.on-failure-accepted',
];

/** Everything with a run's name (`lc-...`) still on the emulator at `url`: functions, roles and destinations. */
export async function leftovers(url: string, region = 'us-east-1'): Promise<string[]> {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const target = connectTarget({ kind: 'url', endpoint: url, region });
  const clients = serviceClients({ endpoint: url, region, credentials, timeoutMs: 10_000 });
  try {
    const functions = ((await target.client.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => `function ${f.FunctionName}`);
    const others = await Promise.all(
      (Object.keys(COMPANIONS) as CompanionKind[]).map(async (k) => (await COMPANIONS[k].list(clients)).map((r) => `${k} ${r.name}`)),
    );
    return [...functions, ...others.flat()].filter((n) => / lc-/.test(n));
  } finally {
    target.close();
    clients.destroy();
  }
}
