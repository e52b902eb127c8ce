// Configuration of the conformance suites (not the project's self-tests): used
// by `lambda-conformance run`, and by `npx vitest run -c suites/vitest.config.ts`
// to work on a suite against the embedded target.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['suites/**/*.test.ts'],
    // Installed as a package the suites live under node_modules/: neither the
    // default exclude nor dependency externalisation may apply to our own sources.
    exclude: [],
    server: { deps: { inline: [/lambda-conformance/] } },
    // One module graph per worker, not per file: every suite file imports the
    // same SDK, msw, ajv and fast-check, and loading them again for each of the
    // ten files was most of a run's time. Files share nothing else: each builds
    // its own target, emulator and fixtures (suites/harness/suite.ts).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
