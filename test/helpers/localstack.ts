// LocalStack, the most used Lambda emulator, for the tests: the pinned
// localstack-core from .venv-localstack/ (scripts/ensure-localstack.sh installs
// it before npm test) run in host mode, without Docker, with the no-op Lambda
// executor (scripts/localstack-noop-executor: functions become Active and are
// never run). It listens on a free loopback port, keeps everything it writes in
// its own temporary directory, and is stopped by its pid (stop(), from the test
// file's afterAll), which also removes that directory. Should the test process
// die first, LocalStack notices its stdin close and removes itself. Where it is
// not installed the tests that need it are skipped with the reason, except in CI
// (CI=true), where its absence fails them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VENV = `${ROOT}.venv-localstack`;
export const LOCALSTACK_PYTHON = `${VENV}/bin/python`;
/** Written by scripts/ensure-localstack.sh once LocalStack and the executor are installed. */
const STAMP = `${VENV}/.requirements.sha256`;
/** The version scripts/localstack-requirements.txt pins. */
export const LOCALSTACK_PIN = /^localstack-core\[runtime\]==(\S+)$/m.exec(readFileSync(`${ROOT}scripts/localstack-requirements.txt`, 'utf8'))?.[1] ?? '?';
/** The services a run uses: Lambda, the role (IAM), the account (STS) and the four destination kinds. */
const SERVICES = 'lambda,iam,sts,sqs,sns,events,s3';

/** Why the LocalStack tests cannot run here, or undefined when they can. In CI a missing LocalStack is never a reason to skip. */
export function localstackMissing(): string | undefined {
  if (existsSync(LOCALSTACK_PYTHON) && existsSync(STAMP)) return undefined;
  const why = `LocalStack is not installed in .venv-localstack (scripts/ensure-localstack.sh, run by npm's pretest, needs python3 >= 3.10 with venv and PyPI)`;
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true: the tests against LocalStack must run`);
  return why;
}

export interface LocalStack {
  url: string;
  pid: number;
  /** What LocalStack logged as server-side errors (ERROR lines, tracebacks, 5xx answers) since it was ready, grouped: `N× line`. */
  errors(): string[];
  /** Stops it (SIGTERM, then SIGKILL) and removes its directory. */
  stop(): Promise<void>;
}

/** A port the kernel says is free now (LocalStack cannot be given port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// LocalStack's entry point (localstack.runtime.main), with three changes for a
// test machine; none touches what the API answers:
// - it exits, removing its directory, when its stdin closes (the test process
//   is gone: once its output pipes are broken it would ignore SIGTERM);
// - its S3 objects go to its directory, not the fixed /tmp/localstack-s3-storage
//   (the S3 provider's DEFAULT_S3_TMP_DIR, which it never removes);
// - the Lambda service's task pool, which starts and stops function versions,
//   gets 64 threads instead of min(32, cores + 4): stopping a version waits up to
//   2 s for its event poller, so on 2 cores a burst of DeleteFunction left new
//   functions Pending for 4 to 12 s, and the run took 88 s instead of 49 s.
const BOOT = `
import os, shutil, sys, threading
def _orphaned():
    sys.stdin.buffer.read()
    shutil.rmtree(os.environ["LC_LOCALSTACK_DIR"], ignore_errors=True)
    os._exit(1)
threading.Thread(target=_orphaned, daemon=True).start()
import localstack.services.s3.provider as s3
s3.DEFAULT_S3_TMP_DIR = os.path.join(os.environ["LC_LOCALSTACK_DIR"], "s3-storage")
import concurrent.futures
import localstack.services.lambda_.invocation.lambda_service as lambda_service
lambda_service.ThreadPoolExecutor = lambda *a, **k: concurrent.futures.ThreadPoolExecutor(*a, **{**k, "max_workers": 64})
from localstack.runtime.main import main
main()
`;

/** A server-side error in LocalStack's log. */
const ERROR_LINE = /\bERROR\b|Traceback|=> 5\d\d\b/;
/** A log line without its time, thread and logger, and with run-specific names folded, for grouping. */
const normalise = (line: string) =>
  line
    .replace(/^\S+\s+(ERROR|WARN|INFO|DEBUG)\s+---\s+\[[^\]]*\]\s+\S+\s+:\s+/, '')
    .replace(/lc-[0-9a-f]{6}-[\w-]+/g, 'lc-…')
    .slice(0, 300);

/** A start that failed because the port was taken after freePort() found it free: worth another port. */
class PortTaken extends Error {}

/** Starts LocalStack once on a given port; rejects (having stopped it) when it cannot listen there, exits, or is not ready within 60 s. */
async function startOn(port: number, dir: string): Promise<Omit<LocalStack, 'stop'> & { kill(): Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    // URLs it hands out (queue URLs) point at this port on loopback, with no DNS.
    LOCALSTACK_HOST: `127.0.0.1:${port}`,
    SQS_ENDPOINT_STRATEGY: 'path',
    SERVICES,
    LAMBDA_RUNTIME_EXECUTOR: 'noop',
    DNS_ADDRESS: '0',
    SKIP_SSL_CERT_DOWNLOAD: '1',
    DISABLE_EVENTS: '1',
    PERSISTENCE: '0',
    // Everything it writes goes under dir. (It warns that TMPDIR is a
    // deprecated setting of its own; Python's tempfile is what reads it here.)
    LC_LOCALSTACK_DIR: dir,
    TMPDIR: dir,
    LOCALSTACK_VOLUME_DIR: join(dir, 'volume'),
    FILESYSTEM_ROOT: join(dir, 'filesystem'),
    CONFIG_DIR: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  const child = spawn(LOCALSTACK_PYTHON, ['-c', BOOT], { stdio: ['pipe', 'pipe', 'pipe'], env, cwd: dir });
  let exited = false;
  const closed = new Promise<void>((r) =>
    child.once('close', () => {
      exited = true;
      r();
    }),
  );
  /** SIGTERM, then SIGKILL after grace ms (a LocalStack that could not listen ignores SIGTERM). */
  const kill = async (grace: number) => {
    if (!exited && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      const killer = setTimeout(() => !exited && child.pid && process.kill(child.pid, 'SIGKILL'), grace);
      await closed;
      clearTimeout(killer);
    }
    child.stdin.destroy();
  };
  // Its output is drained for as long as it runs (it logs every request): the
  // start-up text is kept for a failure message, then only error lines, grouped.
  let out = '';
  let ready = false;
  let portTaken = false;
  const errors = new Map<string, number>();
  let partial = '';
  const onData = (d: Buffer) => {
    const text = d.toString();
    if (!ready) out = (out + text).slice(-8_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      // When the port is taken LocalStack logs this, then says "Ready." and runs on without listening.
      if (/CannotListenError|Address already in use/.test(line)) portTaken = true;
      if (ready && ERROR_LINE.test(line)) {
        const key = normalise(line);
        if (errors.has(key) || errors.size < 50) errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const deadline = Date.now() + 60_000;
  while (!exited && !portTaken && Date.now() < deadline) {
    const health = await fetch(`${url}/_localstack/health`, { signal: AbortSignal.timeout(2_000) })
      .then(async (r) => (r.ok ? ((await r.json()) as { services?: Record<string, string> }) : undefined))
      .catch(() => undefined);
    // Ready: Lambda answers on the port, and our process says it is ready and could listen (not another LocalStack on that port).
    if (health?.services?.lambda && /^Ready\.$/m.test(out) && !portTaken && !exited) {
      ready = true;
      out = '';
      return {
        url,
        pid: child.pid!,
        errors: () => [...errors].map(([line, n]) => `${n}× ${line}`),
        kill: () => kill(15_000),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill(portTaken ? 1_000 : 15_000);
  if (portTaken) throw new PortTaken(`LocalStack could not listen on port ${port}: ${out}`);
  throw new Error(exited ? `LocalStack exited before it was ready on port ${port}: ${out}` : `LocalStack was not ready on port ${port} within 60 s: ${out}`);
}

/**
 * Starts LocalStack on 127.0.0.1 on a free port (another one if that port is
 * taken meanwhile). Call stop() in the test file's afterAll: a hook registered
 * from inside beforeAll never runs.
 */
export async function startLocalStack(): Promise<LocalStack> {
  const dir = await mkdtemp(join(tmpdir(), 'lc-localstack-'));
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const running = await startOn(await freePort(), dir);
      return {
        url: running.url,
        pid: running.pid,
        errors: running.errors,
        stop: async () => {
          await running.kill();
          await rm(dir, { recursive: true, force: true });
        },
      };
    } catch (e) {
      last = e;
      if (!(e instanceof PortTaken)) break;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw last;
}
