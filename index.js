// Package entry for `import { runConformance } from 'lambda-conformance'`: the
// sources are TypeScript, loaded through tsx's loader like the CLI.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const api = await import('./api.ts');

export const { runConformance, catalogue, createEmulator, serveHandlers } = api;
