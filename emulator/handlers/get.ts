// GetFunctionEventInvokeConfig: a missing function, qualifier or config all
// answer 404 naming the qualified ARN.
import { httpBinding } from '../../specs/contract.ts';
import { renderConfig } from '../config-body.ts';
import { errors } from '../errors.ts';
import { jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { readEicRequest } from '../eic-request.ts';

const OP = 'GetFunctionEventInvokeConfig';
const { uri, successStatus } = httpBinding(OP);

export const getEventInvokeConfig = (env: EmulatorEnv) =>
  route(env, 'get', uri.replace('{FunctionName}', ':FunctionName'), async (a) => {
    const req = await readEicRequest(OP, a);
    const config = req.region.functions.get(req.ref.name)?.configs.get(req.qualifier);
    if (!config) throw errors.noConfig(req.qualifiedArn);
    return jsonResponse(successStatus, renderConfig(req.qualifiedArn, config));
  });
