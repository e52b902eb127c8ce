// Reading V8 CPU profiles (.cpuprofile, as `node --cpu-prof` writes them) for
// bench/profile.ts: where a process spent its wall time, by part of the stack,
// in total and over time.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export const readProfile = (file: string): CpuProfile => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

/**
 * The part a sampled function belongs to, by where its code lives: a package
 * of node_modules (grouped where one job spans several), a folder of this
 * project, Node itself, or V8's pseudo-frames (idle, GC, program).
 */
export function partOf(url: string, functionName: string): string {
  if (!url) return functionName === '(idle)' ? 'idle (waiting)' : functionName === '(garbage collector)' ? 'garbage collection' : 'V8 and native code';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (/^@(aws-sdk|smithy|aws-crypto)\//.test(pkg)) return 'AWS SDK (@aws-sdk, @smithy)';
    if (pkg === 'ajv' || pkg === 'fast-uri' || pkg === 'ajv-formats') return 'ajv (validators: compiling and running)';
    if (/^(vite|vitest|rolldown|esbuild|@vitest\/|@rolldown\/|tinypool|tinyglobby|picomatch|pathe|fdir|chai|@vitest)/.test(pkg))
      return 'vitest, vite (runner, module transform and RPC)';
    if (pkg === 'tsx' || pkg === 'get-tsconfig') return 'tsx (TypeScript loader)';
    if (/^(msw|@mswjs\/|graphql|path-to-regexp|tough-cookie|headers-polyfill|outvariant|strict-event-emitter|@bundled-es-modules\/)/.test(pkg))
      return 'msw (request matching)';
    if (pkg === 'fast-check' || pkg === 'pure-rand') return 'fast-check (generators)';
    return `other packages (${pkg})`;
  }
  const folder = /\/(emulator|suites|generators|fixtures|targets|specs|reporting|cli|recording)\//.exec(url)?.[1];
  if (folder === 'emulator') return 'project: emulator';
  if (folder === 'reporting' || folder === 'cli' || folder === 'recording') return 'project: CLI and reports';
  if (folder) return 'project: suites, generators, fixtures, targets, specs';
  if (url.startsWith('node:') || !url.includes('/')) return 'Node internals (module loading, I/O)';
  return 'other';
}

export interface Breakdown {
  wallMs: number;
  startTime: number;
  endTime: number;
  /** ms per part, over the whole profile. */
  total: Map<string, number>;
  /** ms per part, per time slice of `sliceMs` from the profile's start. */
  slices: Array<Map<string, number>>;
}

export function breakdown(p: CpuProfile, sliceMs: number): Breakdown {
  const byId = new Map(p.nodes.map((n) => [n.id, partOf(n.callFrame.url, n.callFrame.functionName)]));
  const total = new Map<string, number>();
  const slices: Array<Map<string, number>> = [];
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    const part = byId.get(p.samples[i]!) ?? 'other';
    const ms = dt / 1000;
    total.set(part, (total.get(part) ?? 0) + ms);
    const k = Math.max(0, Math.floor((t - p.startTime) / 1000 / sliceMs));
    slices[k] ??= new Map();
    const slice = slices[k];
    slice.set(part, (slice.get(part) ?? 0) + ms);
  }
  for (let k = 0; k < slices.length; k++) slices[k] ??= new Map();
  return { wallMs: (p.endTime - p.startTime) / 1000, startTime: p.startTime, endTime: p.endTime, total, slices };
}

/** The parts, largest first, as `part: ms` (share of the wall time). */
export function topParts(parts: Map<string, number>, wallMs: number, n = Infinity): string[] {
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([part, ms]) => `${part}: ${Math.round(ms)} ms (${Math.round((100 * ms) / wallMs)}%)`);
}
