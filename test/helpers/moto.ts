// moto, a real Lambda emulator nobody here wrote, for the tests: the pinned
// server from .venv-moto/ (scripts/ensure-moto.sh installs it before npm test)
// on a free loopback port, stopped by its pid when the test file ends. Where it
// is not installed the tests that need it are skipped with the reason, except
// in CI (CI=true), where its absence fails them.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MOTO_SERVER = `${ROOT}.venv-moto/bin/moto_server`;
/** The version scripts/moto-requirements.txt pins. */
export const MOTO_PIN = /^moto\[server\]==(\S+)$/m.exec(readFileSync(`${ROOT}scripts/moto-requirements.txt`, 'utf8'))?.[1] ?? '?';

/** Why the moto tests cannot run here, or undefined when they can. In CI a missing moto is never a reason to skip. */
export function motoMissing(): string | undefined {
  if (existsSync(MOTO_SERVER)) return undefined;
  const why = `moto is not installed in .venv-moto (scripts/ensure-moto.sh, run by npm's pretest, needs python3 with venv and PyPI)`;
  if (process.env.CI === 'true') throw new Error(`${why}; CI=true: the tests against moto must run`);
  return why;
}

export interface Moto {
  url: string;
  pid: number;
  /** Forgets every resource (moto's own reset endpoint). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts moto_server on 127.0.0.1 with a port of the kernel's choosing. The
 * caller stops it: `afterAll(() => moto?.stop())` at the top of its describe
 * (vitest does not run an afterAll registered from inside a beforeAll).
 */
export function startMoto(): Promise<Moto> {
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, 'SIGTERM');
    const killer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`moto_server did not start within 30 s: ${out}`));
    }, 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      // moto logs every request: keep draining its pipes, without keeping the text.
      for (const stream of [child.stdout, child.stderr]) {
        stream.off('data', onData);
        stream.resume();
      }
      const url = m[1]!;
      resolve({
        url,
        pid: child.pid!,
        reset: async () => {
          const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
          if (!res.ok) throw new Error(`moto reset answered ${res.status}`);
        },
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited with ${code} before listening: ${out}`));
    });
  });
}
