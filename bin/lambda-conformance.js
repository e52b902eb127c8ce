#!/usr/bin/env node
// The CLI is written in TypeScript and runs through tsx's loader, so the
// package ships its sources as they are: no build step between a change and a run.
import { register } from 'tsx/esm/api';

// The SDK warns on every start that Node 20 support ends in 2027; the pinned
// SDK supports Node 20, and the warning would clutter every report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
