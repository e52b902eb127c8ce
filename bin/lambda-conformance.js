#!/usr/bin/env node
// The CLI. Installed from the package, it runs the built JavaScript in dist/
// (`npm run build`, run by `npm pack`) with no TypeScript loader. In a clone of
// the repository, where the TypeScript sources sit beside this file, it runs
// them through tsx's loader (a devDependency), so a change needs no rebuild and
// a stale dist/ is never what runs.
import { existsSync } from 'node:fs';

// The SDK warns on every start that it will drop Node 20; the README
// ("Node versions") says which Node versions the package supports and recommends 22,
// so the warning would only repeat it on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const sources = new URL('../cli/main.ts', import.meta.url);
let main;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(sources.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
