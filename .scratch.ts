import { embeddedTarget } from './targets/embedded.ts';
import { CreateFunctionCommand, PutFunctionEventInvokeConfigCommand, GetFunctionEventInvokeConfigCommand, ListFunctionEventInvokeConfigsCommand, DeleteFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
const { client } = embeddedTarget();
const c = await client.send(new CreateFunctionCommand({ FunctionName: 'f1', Role: 'arn:aws:iam::000000000000:role/r', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: new Uint8Array([1,2,3]) } }));
console.log(c.FunctionArn);
console.log(await client.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'f1', MaximumRetryAttempts: 1 })));
console.log(await client.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'f1', MaximumEventAgeInSeconds: 100 })));
console.log(await client.send(new ListFunctionEventInvokeConfigsCommand({ FunctionName: 'f1', MaxItems: 1 })));
for (const inp of [{ FunctionName: 'f1', MaximumRetryAttempts: 3 }, { FunctionName: 'f1:1', Qualifier: '2', MaximumRetryAttempts: 1 }, { FunctionName: 'nope' }, { FunctionName: 'f1', DestinationConfig: { OnFailure: { Destination: 'arn:aws:_-/!lambda:x' } } }]) {
  try { await client.send(new PutFunctionEventInvokeConfigCommand(inp as any)); } catch (e: any) { console.log(e.name, e.$metadata.httpStatusCode, e.message, e.Type); }
}
console.log(await client.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'f1' })));
try { await client.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'f1' })); } catch (e: any) { console.log(e.name, e.message); }
