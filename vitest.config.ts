import { defineConfig } from 'vitest/config';

// Project self-tests live in test/; the conformance suites in suites/ are run by
// `lambda-conformance run` with their own configuration.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The SDK warns on every process that Node 20 support ends in 2027; the
    // project pins an SDK that supports Node 20, so the warning is noise here.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
