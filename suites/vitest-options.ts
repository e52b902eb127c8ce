// The vitest options of the conformance suites, in one place: the suites'
// config file (suites/vitest.config.ts, for `npx vitest run -c ...`) wraps
// them, and `lambda-conformance run` passes them inline (run/engine.ts), which
// spares vite bundling and loading a config file on every run.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

/** The project's root: where `suites/` is, in a clone or installed as a package. */
export const SUITES_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where vitest keeps the suites' transformed sources between runs:
 * LAMBDA_CONFORMANCE_CACHE_DIR (`off`: no cache), else the user's cache
 * directory. Transforming the TypeScript sources again was a fifth of a default
 * run. Entries are keyed by the hash of the source and of the options, so a
 * changed file is never served stale; a cache that cannot be created is skipped.
 */
function moduleCacheDir(): string | undefined {
  const configured = process.env.LAMBDA_CONFORMANCE_CACHE_DIR;
  if (configured === 'off') return undefined;
  const dir = configured || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lambda-conformance', 'vitest');
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return undefined;
  }
}

/** The suites' test options, read from the environment when called (the cache dir, bench/profile.ts's worker profiles). */
export function suitesTestOptions(): NonNullable<ViteUserConfig['test']> {
  const cacheDir = moduleCacheDir();
  // bench/profile.ts: V8's CPU profiler in each worker, profiles written there.
  const profileDir = process.env.LAMBDA_CONFORMANCE_WORKER_CPU_PROF;
  return {
    include: ['suites/**/*.test.ts'],
    // Installed as a package the suites live under node_modules/: neither the
    // default exclude nor dependency externalisation may apply to our own sources.
    exclude: [],
    server: { deps: { inline: [/lambda-conformance/] } },
    // One module graph per worker, not per file: every suite file imports the
    // same SDK, msw, ajv and fast-check, and loading them again for each of the
    // ten files was most of a run's time. The files of a worker also share its
    // connection to the target (on the embedded target, its emulator) and its
    // pool of functions, each file leaving the pool clean (suites/harness/suite.ts).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    ...(profileDir ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    ...(cacheDir ? { experimental: { fsModuleCache: true, fsModuleCachePath: cacheDir } } : {}),
  };
}
