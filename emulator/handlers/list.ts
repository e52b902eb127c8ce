// ListFunctionEventInvokeConfigs: every qualifier's config of one function,
// paged by MaxItems (default 50) and an opaque Marker; NextMarker only when
// more items follow. Items are ordered by qualifier so pages are stable.
import { httpBinding } from '../../specs/contract.ts';
import { renderConfig } from '../config-body.ts';
import { errors } from '../errors.ts';
import { functionArn } from '../names.ts';
import { jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { readEicRequest } from '../eic-request.ts';

const OP = 'ListFunctionEventInvokeConfigs';
const { uri, successStatus } = httpBinding(OP);
const DEFAULT_PAGE = 50;

const encodeMarker = (fn: string, after: string) => Buffer.from(JSON.stringify({ fn, after })).toString('base64url');

function decodeMarker(marker: string, fn: string): string {
  try {
    const m = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8')) as { fn?: unknown; after?: unknown };
    if (m.fn === fn && typeof m.after === 'string') return m.after;
  } catch {
    // fall through: not one of ours
  }
  throw errors.invalidParameter(`The marker ${marker} is not valid for function ${fn}.`);
}

export const listEventInvokeConfigs = (env: EmulatorEnv) =>
  route(env, 'get', uri.replace('{FunctionName}', ':FunctionName'), async (a) => {
    const req = await readEicRequest(OP, a);
    const fn = req.region.functions.get(req.ref.name);
    if (!fn) throw errors.functionNotFound();
    const pageSize = (req.query.MaxItems as number | undefined) ?? DEFAULT_PAGE;
    const marker = req.query.Marker as string | undefined;
    const after = marker === undefined ? undefined : decodeMarker(marker, fn.name);
    const qualifiers = [...fn.configs.keys()].sort().filter((q) => after === undefined || q > after);
    const page = qualifiers.slice(0, pageSize);
    const items = page.map((q) => renderConfig(functionArn(req.ref, q), fn.configs.get(q)!));
    const last = page.at(-1);
    return jsonResponse(successStatus, {
      FunctionEventInvokeConfigs: items,
      ...(qualifiers.length > page.length && last !== undefined ? { NextMarker: encodeMarker(fn.name, last) } : {}),
    });
  });
