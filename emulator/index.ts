// The reference emulator: an ordered array of msw request handlers (one per
// operation, then the unknown-operation fallback) over one EmulatorState.
// Use the handlers with msw's setupServer, with getResponse, or serve them
// over HTTP (emulator/serve.ts).
import type { HttpHandler } from 'msw';
import type { EmulatorOptions } from './context.ts';
import { EmulatorState } from './state.ts';
import type { EmulatorEnv } from './route.ts';
import { putEventInvokeConfig } from './handlers/put.ts';
import { updateEventInvokeConfig } from './handlers/update.ts';
import { getEventInvokeConfig } from './handlers/get.ts';
import { deleteEventInvokeConfig } from './handlers/delete.ts';
import { listEventInvokeConfigs } from './handlers/list.ts';
import { createFunction, deleteFunction, getFunction, listFunctions } from './handlers/functions.ts';
import { listVersionsByFunction, publishVersion } from './handlers/versions.ts';
import { createAlias, deleteAlias, listAliases } from './handlers/aliases.ts';
import { unknownOperation } from './handlers/fallback.ts';
import { getCallerIdentity } from './handlers/sts.ts';

export interface Emulator {
  handlers: HttpHandler[];
  state: EmulatorState;
}

export type { EmulatorOptions };

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const env: EmulatorEnv = { state: new EmulatorState(), options };
  const handlers = [
    // The list route must come before Get: '/event-invoke-config/list' is not a function name.
    listEventInvokeConfigs(env),
    putEventInvokeConfig(env),
    updateEventInvokeConfig(env),
    getEventInvokeConfig(env),
    deleteEventInvokeConfig(env),
    createFunction(env),
    listFunctions(env),
    getFunction(env),
    deleteFunction(env),
    publishVersion(env),
    listVersionsByFunction(env),
    createAlias(env),
    deleteAlias(env),
    listAliases(env),
    // STS, for tests that use the served emulator as the AWS stand-in.
    getCallerIdentity(env),
    unknownOperation(),
  ] as HttpHandler[];
  return { handlers, state: env.state };
}
