// Type-level proof that specs/generated/types.ts (generated from the JSON Schema) agrees
// member by member with @aws-sdk/client-lambda's command inputs and outputs. The real
// checks are the `Expect<Equal<...>>` constants: `npm test` runs `tsc --noEmit` first, so a
// member added, removed, renamed or retyped on either side fails the build. The vitest
// bodies only add runtime smoke checks so that no test is empty.
import { describe, expect, test } from 'vitest';
import {
  DeleteFunctionEventInvokeConfigCommand,
  GetFunctionEventInvokeConfigCommand,
  ListFunctionEventInvokeConfigsCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionEventInvokeConfigCommand,
  type DeleteFunctionEventInvokeConfigCommandInput,
  type DeleteFunctionEventInvokeConfigCommandOutput,
  type GetFunctionEventInvokeConfigCommandInput,
  type GetFunctionEventInvokeConfigCommandOutput,
  type ListFunctionEventInvokeConfigsCommandInput,
  type ListFunctionEventInvokeConfigsCommandOutput,
  type PutFunctionEventInvokeConfigCommandInput,
  type PutFunctionEventInvokeConfigCommandOutput,
  type UpdateFunctionEventInvokeConfigCommandInput,
  type UpdateFunctionEventInvokeConfigCommandOutput,
} from '@aws-sdk/client-lambda';
import type {
  DeleteFunctionEventInvokeConfigRequest,
  FunctionEventInvokeConfig,
  GetFunctionEventInvokeConfigRequest,
  ListFunctionEventInvokeConfigsRequest,
  ListFunctionEventInvokeConfigsResponse,
  PutFunctionEventInvokeConfigRequest,
  UpdateFunctionEventInvokeConfigRequest,
} from '../specs/generated/types.ts';

// Strict identity (not mutual assignability): distinguishes optional vs required, any, extra keys.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Normalisation that both sides go through before comparison. It keeps every member name
// (so name sets must match at every depth) but drops optionality and `undefined`, because the
// wire types make some members required (observed AWS behaviour) that the SDK leaves optional.
// Date becomes number only for a member named LastModified (SDK Date vs wire epoch seconds);
// a Date anywhere else stays a Date object shape and would not match a number.
type Norm<T> = T extends readonly (infer E)[]
  ? Norm<E>[]
  : T extends object
    ? { [K in keyof T]-?: K extends 'LastModified' ? Epoch<Exclude<T[K], undefined>> : Norm<Exclude<T[K], undefined>> }
    : T;
type Epoch<T> = [T] extends [Date] ? number : Norm<T>;

// Our requests are split by HTTP location; the SDK input is the flat union of their members.
type Flat<R extends { path: object; query: object }> = R['path'] & R['query'] & (R extends { body: infer B } ? B : unknown);
type Same<Ours, Sdk> = Equal<Norm<Ours>, Norm<Sdk>>;
// SDK outputs carry $metadata (response metadata, not part of the wire body).
type Body<O> = Omit<O, '$metadata'>;

// Runtime helpers; their signatures also show our values are accepted by the SDK types.
const flat = <R extends { path: object; query: object; body?: object }>(r: R): Flat<R> => ({ ...r.path, ...r.query, ...r.body }) as Flat<R>;
const toSdk = (w: FunctionEventInvokeConfig): Body<GetFunctionEventInvokeConfigCommandOutput> => ({ ...w, LastModified: new Date(w.LastModified * 1000) });
const wire: FunctionEventInvokeConfig = {
  FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST',
  LastModified: 1_700_000_000.5,
  MaximumRetryAttempts: 1,
  MaximumEventAgeInSeconds: 60,
  DestinationConfig: { OnSuccess: {}, OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } },
};

describe('generated request types match the SDK command inputs', () => {
  test('Put and Update: path & query & body == flat SDK input', () => {
    const _put: Expect<Same<Flat<PutFunctionEventInvokeConfigRequest>, PutFunctionEventInvokeConfigCommandInput>> = true;
    const _upd: Expect<Same<Flat<UpdateFunctionEventInvokeConfigRequest>, UpdateFunctionEventInvokeConfigCommandInput>> = true;
    const req: PutFunctionEventInvokeConfigRequest = {
      path: { FunctionName: 'f' },
      query: { Qualifier: '$LATEST' },
      body: { MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:1:q' } } },
    };
    const put = new PutFunctionEventInvokeConfigCommand(flat(req));
    const upd = new UpdateFunctionEventInvokeConfigCommand(flat<UpdateFunctionEventInvokeConfigRequest>(req));
    expect(put.input).toEqual({ FunctionName: 'f', Qualifier: '$LATEST', ...req.body });
    expect(upd.input).toEqual(put.input);
  });

  test('Get, Delete and List: path & query == flat SDK input', () => {
    const _get: Expect<Same<Flat<GetFunctionEventInvokeConfigRequest>, GetFunctionEventInvokeConfigCommandInput>> = true;
    const _del: Expect<Same<Flat<DeleteFunctionEventInvokeConfigRequest>, DeleteFunctionEventInvokeConfigCommandInput>> = true;
    const _lst: Expect<Same<Flat<ListFunctionEventInvokeConfigsRequest>, ListFunctionEventInvokeConfigsCommandInput>> = true;
    const get = new GetFunctionEventInvokeConfigCommand(flat<GetFunctionEventInvokeConfigRequest>({ path: { FunctionName: 'f' }, query: {} }));
    const del = new DeleteFunctionEventInvokeConfigCommand(
      flat<DeleteFunctionEventInvokeConfigRequest>({ path: { FunctionName: 'f' }, query: { Qualifier: '1' } }),
    );
    const lst = new ListFunctionEventInvokeConfigsCommand(
      flat<ListFunctionEventInvokeConfigsRequest>({ path: { FunctionName: 'f' }, query: { Marker: 'm', MaxItems: 5 } }),
    );
    expect(get.input).toEqual({ FunctionName: 'f' });
    expect(del.input).toEqual({ FunctionName: 'f', Qualifier: '1' });
    expect(lst.input).toEqual({ FunctionName: 'f', Marker: 'm', MaxItems: 5 });
  });
});

describe('generated response types match the SDK command outputs (minus $metadata)', () => {
  test('Put, Update and Get return FunctionEventInvokeConfig', () => {
    const _put: Expect<Same<FunctionEventInvokeConfig, Body<PutFunctionEventInvokeConfigCommandOutput>>> = true;
    const _upd: Expect<Same<FunctionEventInvokeConfig, Body<UpdateFunctionEventInvokeConfigCommandOutput>>> = true;
    const _get: Expect<Same<FunctionEventInvokeConfig, Body<GetFunctionEventInvokeConfigCommandOutput>>> = true;
    const sdk = toSdk(wire);
    expect(sdk.LastModified?.getTime()).toBe(1_700_000_000_500);
    expect(Object.keys(sdk).sort()).toEqual(Object.keys(wire).sort());
  });

  test('List returns FunctionEventInvokeConfigs (items recursively) and NextMarker', () => {
    const _lst: Expect<Same<ListFunctionEventInvokeConfigsResponse, Body<ListFunctionEventInvokeConfigsCommandOutput>>> = true;
    const res: ListFunctionEventInvokeConfigsResponse = { FunctionEventInvokeConfigs: [wire], NextMarker: 'n' };
    const sdk: Body<ListFunctionEventInvokeConfigsCommandOutput> = { ...res, FunctionEventInvokeConfigs: res.FunctionEventInvokeConfigs.map(toSdk) };
    expect(sdk.FunctionEventInvokeConfigs?.[0]?.LastModified).toBeInstanceOf(Date);
  });

  test('Delete returns no body: the SDK output has only $metadata', () => {
    const _del: Expect<Equal<keyof DeleteFunctionEventInvokeConfigCommandOutput, '$metadata'>> = true;
    const out: DeleteFunctionEventInvokeConfigCommandOutput = { $metadata: { httpStatusCode: 204 } };
    expect(Object.keys(out)).toEqual(['$metadata']);
  });
});

// Permanent proof that the checks above are not vacuous: each mutated shape below must be
// rejected. If any line stops being an error, tsc reports "Unused '@ts-expect-error'".
type PutIn = Flat<PutFunctionEventInvokeConfigRequest>;
type GetOut = Body<GetFunctionEventInvokeConfigCommandOutput>;
type Item = FunctionEventInvokeConfig;
type Side = { Destination?: string };
describe('mismatched shapes are rejected', () => {
  test('renamed, missing, extra, retyped and Date-vs-string members fail', () => {
    // @ts-expect-error renamed member (MaximumRetryAttempts -> MaxRetryAttempts)
    const _renamed: Expect<Same<Omit<PutIn, 'MaximumRetryAttempts'> & { MaxRetryAttempts?: number }, PutFunctionEventInvokeConfigCommandInput>> = true;
    // @ts-expect-error missing member (Qualifier dropped from the query)
    const _missing: Expect<Same<Omit<PutIn, 'Qualifier'>, PutFunctionEventInvokeConfigCommandInput>> = true;
    // @ts-expect-error extra member on our side
    const _extra: Expect<Same<PutIn & { Publish?: boolean }, PutFunctionEventInvokeConfigCommandInput>> = true;
    // @ts-expect-error changed member type (number -> string)
    const _retyped: Expect<Same<Omit<Item, 'MaximumRetryAttempts'> & { MaximumRetryAttempts?: string }, GetOut>> = true;
    // @ts-expect-error SDK LastModified as string instead of Date is not the wire's epoch number
    const _lastModified: Expect<Same<Item, Omit<GetOut, 'LastModified'> & { LastModified?: string }>> = true;
    // @ts-expect-error Date -> number applies to LastModified only, not to e.g. FunctionArn
    const _dateElsewhere: Expect<Same<Omit<Item, 'FunctionArn'> & { FunctionArn: number }, Omit<GetOut, 'FunctionArn'> & { FunctionArn?: Date }>> = true;
    // The expected error sits on the declaration's line: kept on one line.
    // biome-ignore format: @ts-expect-error applies to the next line only
    // @ts-expect-error renamed member deep inside a list item (DestinationConfig.OnSuccess.Destination)
    const _deep: Expect<Same<{ FunctionEventInvokeConfigs: (Omit<Item, 'DestinationConfig'> & { DestinationConfig: { OnSuccess: { Target?: string }; OnFailure: Side } })[]; NextMarker?: string }, Body<ListFunctionEventInvokeConfigsCommandOutput>>> = true;
    // @ts-expect-error Delete output with a body member
    const _delBody: Expect<Equal<keyof DeleteFunctionEventInvokeConfigCommandOutput, '$metadata' | 'FunctionArn'>> = true;
    expect(true).toBe(true);
  });
});
