// The embedded target: the reference emulator in this process, reached by the
// real SDK through MswRequestHandler. No socket is opened.
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.ts';
import { createLambdaClient, EMULATOR_CREDENTIALS } from './lambda-client.ts';
import { MswRequestHandler } from './msw-request-handler.ts';
import { EMBEDDED_ENDPOINT } from './embedded-endpoint.ts';

export { EMBEDDED_ENDPOINT };

export function embeddedTarget(options: EmulatorOptions & { region?: string } = {}) {
  const region = options.region ?? 'us-east-1';
  // Unsigned raw-wire requests fall back to the default region: make it the run's.
  const emulator: Emulator = createEmulator({ defaultRegion: region, ...options });
  const client = createLambdaClient({
    endpoint: EMBEDDED_ENDPOINT,
    region,
    credentials: EMULATOR_CREDENTIALS,
    requestHandler: new MswRequestHandler(emulator.handlers),
  });
  return { emulator, client, region, endpoint: EMBEDDED_ENDPOINT };
}
