// PutFunctionEventInvokeConfig: creates or overwrites the config of one qualifier.
import { httpBinding } from '../../specs/contract.ts';
import { renderConfig } from '../config-body.ts';
import { checkDestinations } from '../destinations.ts';
import { jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { existingTarget, readEicRequest, requireSettings } from '../eic-request.ts';
import { replaced, store } from '../settings.ts';

const OP = 'PutFunctionEventInvokeConfig';
const { uri, successStatus } = httpBinding(OP);

export const putEventInvokeConfig = (env: EmulatorEnv) =>
  route(env, 'put', uri.replace('{FunctionName}', ':FunctionName'), async (a) => {
    const req = await readEicRequest(OP, a);
    requireSettings(req.body); // before the existence check, as recorded
    const fn = existingTarget(req);
    checkDestinations(req.body.DestinationConfig, req.ref, (acc, reg) => env.state.region(acc, reg));
    const stored = store(fn.configs, req.qualifier, replaced(req.body));
    return jsonResponse(successStatus, renderConfig(req.qualifiedArn, stored));
  });
