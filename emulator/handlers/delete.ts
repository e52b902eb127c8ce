// DeleteFunctionEventInvokeConfig: 204 with an empty body; a second delete is 404.
import { httpBinding } from '../../specs/contract.ts';
import { errors } from '../errors.ts';
import { emptyResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { readEicRequest } from '../eic-request.ts';

const OP = 'DeleteFunctionEventInvokeConfig';
const { uri, successStatus } = httpBinding(OP);

export const deleteEventInvokeConfig = (env: EmulatorEnv) =>
  route(env, 'delete', uri.replace('{FunctionName}', ':FunctionName'), async (a) => {
    const req = await readEicRequest(OP, a);
    const deleted = req.region.functions.get(req.ref.name)?.configs.delete(req.qualifier);
    if (!deleted) throw errors.noConfig(req.qualifiedArn);
    return emptyResponse(successStatus);
  });
