// Configuration of the conformance suites (not the project's self-tests), for
// `npx vitest run -c suites/vitest.config.ts` to work on a suite against the
// embedded target. `lambda-conformance run` passes the same options inline
// (suites/vitest-options.ts).
import { defineConfig } from 'vitest/config';
import { SUITES_ROOT, suitesTestOptions } from './vitest-options.ts';

export default defineConfig({ root: SUITES_ROOT, test: suitesTestOptions() });
