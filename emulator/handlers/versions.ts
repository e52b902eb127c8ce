// PublishVersion and ListVersionsByFunction. Publishing never copies the
// $LATEST EventInvokeConfig to the new version (recorded).
import { functionConfiguration, lambdaDate } from '../function-config.ts';
import { jsonResponse } from '../respond.ts';
import { route, type EmulatorEnv } from '../route.ts';
import { readJsonBody } from '../validation.ts';
import { findFunction } from './functions.ts';

export const publishVersion = (env: EmulatorEnv) =>
  route(env, 'post', '/2015-03-31/functions/:FunctionName/versions', async (a) => {
    const body = await readJsonBody(a.request);
    const { fn } = findFunction(a);
    // Lambda publishes nothing new when code and configuration are unchanged
    // since the last version: it answers with that version.
    const last = fn.versions.get(String(fn.nextVersion - 1));
    if (last && last.codeSha256 === fn.latest.codeSha256 && last.configRevision === fn.latest.configRevision) {
      return jsonResponse(201, functionConfiguration(a.ctx, fn, last));
    }
    const version = String(fn.nextVersion++);
    const v = {
      ...fn.latest,
      version,
      description: typeof body.Description === 'string' ? body.Description : fn.latest.description,
      lastModified: lambdaDate(),
    };
    fn.versions.set(version, v);
    return jsonResponse(201, functionConfiguration(a.ctx, fn, v));
  });

export const listVersionsByFunction = (env: EmulatorEnv) =>
  route(env, 'get', '/2015-03-31/functions/:FunctionName/versions', (a) => {
    const { fn } = findFunction(a);
    const versions = [fn.latest, ...fn.versions.values()].map((v) => functionConfiguration(a.ctx, fn, v));
    return jsonResponse(200, { Versions: versions });
  });
