// Debian's Chromium, headless, for tests that look at report.html as a browser
// shows it: a screenshot of a file:// URL, or the DOM after the page's scripts
// ran. Plain child_process: no browser package to download. Each launch gets a
// fresh profile directory (removed afterwards) and runs in its own process
// group; whatever Chromium started is killed before the call returns, so no
// browser process outlives a call, even on a timeout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor() {
    super(`Chromium is not installed at ${CHROMIUM}: run bash scripts/ensure-debian.sh`);
  }
}

export interface LaunchOptions {
  /** Kill Chromium and fail after this long (default 45 s). */
  timeoutMs?: number;
}

export interface ScreenshotOptions extends LaunchOptions {
  /** `width,height` of the window (default 1400,2000). */
  windowSize?: string;
}

export const chromiumAvailable = () => existsSync(CHROMIUM);

export interface Outcome {
  /** The launch's profile directory (removed by the time the call returns). */
  profile: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Names a launch in the environment of every process it starts (crash handlers detach into their own session). */
const MARKER_ENV = 'LAMBDA_CONFORMANCE_CHROMIUM_PROFILE';

/**
 * Pids of live processes whose command line or environment mentions `marker`
 * (a launch's unique profile dir). Zombies have neither, and are not counted.
 */
export async function processesMentioning(marker: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (cmdline.includes(marker) || environ.includes(`${MARKER_ENV}=${marker}`)) pids.push(Number(entry));
  }
  return pids;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Kills what is left of this launch: its process group, then any process still using its profile. */
async function reap(pid: number | undefined, profile: string): Promise<void> {
  killGroup(pid);
  for (let attempt = 0; attempt < 20; attempt++) {
    const left = await processesMentioning(profile);
    if (left.length === 0) return;
    for (const p of left) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`chromium processes using ${profile} survived SIGKILL: ${(await processesMentioning(profile)).join(', ')}`);
}

/** Runs Chromium headless once with the fixed flags, a fresh profile and `extra` arguments. */
export async function runChromium(extra: readonly string[], opts: LaunchOptions = {}): Promise<Outcome> {
  if (!chromiumAvailable()) throw new ChromiumMissingError();
  const timeoutMs = opts.timeoutMs ?? 45_000;
  const profile = await mkdtemp(join(tmpdir(), 'lc-chromium-'));
  let pid: number | undefined;
  try {
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...extra], {
        detached: true, // its own session and process group, so the whole browser can be killed at once
        env: { ...process.env, [MARKER_ENV]: profile },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      pid = child.pid;
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ profile, code, signal, stdout, stderr, timedOut });
      });
    });
    if (outcome.timedOut) throw new Error(`chromium did not finish within ${timeoutMs} ms (${extra.join(' ')}); stderr:\n${tail(outcome.stderr)}`);
    if (outcome.code !== 0) throw new Error(`chromium exited with ${outcome.code ?? outcome.signal} (${extra.join(' ')}); stderr:\n${tail(outcome.stderr)}`);
    return outcome;
  } finally {
    try {
      await reap(pid, profile);
    } finally {
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }
}

const tail = (s: string) => s.split('\n').slice(-20).join('\n');

/** Saves a PNG screenshot of `url` (e.g. a file:// URL) to `pngPath`. */
export async function screenshot(url: string, pngPath: string, opts: ScreenshotOptions = {}): Promise<void> {
  await runChromium([`--screenshot=${pngPath}`, `--window-size=${opts.windowSize ?? '1400,2000'}`, url], opts);
  if (!existsSync(pngPath)) throw new Error(`chromium exited 0 but wrote no screenshot at ${pngPath}`);
}

/** The serialized DOM of `url` once loaded, after its scripts ran. */
export async function dumpDom(url: string, opts: LaunchOptions = {}): Promise<string> {
  const { stdout } = await runChromium(['--dump-dom', url], opts);
  if (!stdout.trim()) throw new Error(`chromium dumped an empty DOM for ${url}`);
  return stdout;
}
