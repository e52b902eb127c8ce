// UpdateFunctionEventInvokeConfig: merges into an existing config; never creates one.
import { httpBinding } from '../../specs/contract.ts';
import { renderConfig } from '../config-body.ts';
import { checkDestinations } from '../destinations.ts';
import { errors } from '../errors.ts';
import { jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { existingTarget, readEicRequest, requireSettings } from '../eic-request.ts';
import { merged, store } from '../settings.ts';

const OP = 'UpdateFunctionEventInvokeConfig';
const { uri, successStatus } = httpBinding(OP);

export const updateEventInvokeConfig = (env: EmulatorEnv) =>
  route(env, 'post', uri.replace('{FunctionName}', ':FunctionName'), async (a) => {
    const req = await readEicRequest(OP, a);
    requireSettings(req.body);
    const fn = existingTarget(req);
    const previous = fn.configs.get(req.qualifier);
    if (!previous) throw errors.noConfig(req.qualifiedArn);
    checkDestinations(req.body.DestinationConfig, req.ref, (acc, reg) => env.state.region(acc, reg));
    const stored = store(fn.configs, req.qualifier, merged(previous, req.body));
    return jsonResponse(successStatus, renderConfig(req.qualifiedArn, stored));
  });
