// Emulator behaviours the recordings do not show directly: state per account
// and region, ARNs naming another region, cleanup of configs with their alias or
// function, and the replay harness noticing a divergence (so a green replay means something).
import { CreateFunctionCommand, DeleteAliasCommand, GetFunctionEventInvokeConfigCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { http } from 'msw';
import { describe, expect, test } from 'vitest';
import { createEmulator } from '../emulator/index.ts';
import { MswRequestHandler } from '../targets/msw-request-handler.ts';
import { createLambdaClient } from '../targets/lambda-client.ts';
import { handlerZip } from '../fixtures/zip.ts';
import { Fixtures } from '../fixtures/provision.ts';
import { observe } from '../targets/observe.ts';
import { replayScenario } from '../fixtures/aws-observed/replay.ts';
import { lifecycleScenario } from '../fixtures/aws-observed/scenarios.ts';

const emulator = createEmulator();
const clientFor = (region: string, accessKeyId = 'AKIDEXAMPLE', handlers = emulator.handlers) =>
  createLambdaClient({
    endpoint: 'http://x.invalid',
    region,
    credentials: { accessKeyId, secretAccessKey: 's' },
    requestHandler: new MswRequestHandler(handlers),
  });
const create = (region: string, name: string, key?: string) =>
  clientFor(region, key).send(new CreateFunctionCommand({ FunctionName: name, Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: handlerZip() } }));

describe('state per account and region', () => {
  test('a function in one region is not visible from another', async () => {
    await create('eu-west-1', 'regional');
    const here = await observe(clientFor('eu-west-1'), 'PutFunctionEventInvokeConfig', { FunctionName: 'regional', MaximumRetryAttempts: 1 });
    const there = await observe(clientFor('us-west-2'), 'PutFunctionEventInvokeConfig', { FunctionName: 'regional', MaximumRetryAttempts: 1 });
    expect(here.status).toBe(200);
    expect([there.status, there.message]).toEqual([404, "The function doesn't exist."]);
  });

  test('a 12-digit access key id selects the account; ARNs carry it', async () => {
    const out = await create('eu-west-1', 'accounted', '111122223333');
    expect(out.FunctionArn).toBe('arn:aws:lambda:eu-west-1:111122223333:function:accounted');
    const other = await observe(clientFor('eu-west-1', '444455556666'), 'GetFunctionEventInvokeConfig', { FunctionName: 'accounted' });
    expect(other.status).toBe(404);
  });

  test("the region and account inside an ARN are honoured, not replaced by the caller's", async () => {
    await create('eu-west-1', 'arn-region');
    const inEu = await observe(clientFor('us-east-1'), 'PutFunctionEventInvokeConfig', {
      FunctionName: 'arn:aws:lambda:eu-west-1:000000000000:function:arn-region',
      MaximumRetryAttempts: 2,
    });
    expect(inEu.body?.FunctionArn).toBe('arn:aws:lambda:eu-west-1:000000000000:function:arn-region:$LATEST');
    const wrongRegion = await observe(clientFor('eu-west-1'), 'PutFunctionEventInvokeConfig', {
      FunctionName: 'arn:aws:lambda:ap-south-1:000000000000:function:arn-region',
      MaximumRetryAttempts: 2,
    });
    expect(wrongRegion.status).toBe(404);
  });
});

describe('configs go with what they configure', () => {
  test('deleting an alias removes its config; re-creating it starts without one', async () => {
    const client = clientFor('us-east-1');
    const fx = new Fixtures(client);
    const fn = await fx.createFunction('gone');
    await fx.publishVersion(fn);
    const alias = await fx.createAlias(fn, '1');
    await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: fn.name, Qualifier: alias, MaximumRetryAttempts: 0 }));
    await client.send(new DeleteAliasCommand({ FunctionName: fn.name, Name: alias }));
    await client.send(new (await import('@aws-sdk/client-lambda')).CreateAliasCommand({ FunctionName: fn.name, Name: alias, FunctionVersion: '1' }));
    await expect(client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: fn.name, Qualifier: alias }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(await fx.cleanup()).toEqual([]);
  });
});

describe('the replay harness', () => {
  test('reports a divergence: a Delete that answers 200 with a body instead of 204', async () => {
    const broken = [
      http.delete('*/2019-09-25/functions/:FunctionName/event-invoke-config', () => Response.json({ deleted: true })),
      ...createEmulator().handlers,
    ];
    const outcomes = await replayScenario(clientFor('us-east-1', 'AKIDEXAMPLE', broken), lifecycleScenario);
    const diverging = outcomes.filter((o) => o.mismatches.length);
    expect(diverging.map((o) => o.step)).toContain('asserted:delete_no_qualifier');
    expect(diverging.find((o) => o.step === 'asserted:delete_no_qualifier')!.mismatches.join()).toMatch(/status: expected 204, received 200/);
  });
});
