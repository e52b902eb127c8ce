// Reading processes from /proc (Linux), for the benchmarks: the memory of a
// process tree, and the CPU time a process has used.
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/PID/stat after the command name (field 3 onwards). */
const statFields = (pid: number | string): string[] => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

/** CPU time (user + system, ms) a process has used so far; the kernel counts in ticks of 10 ms. */
export function cpuMs(pid: number): number {
  const f = statFields(pid);
  return (Number(f[11]) + Number(f[12])) * 10;
}

/** Sum of VmRSS (kB) of `root` and all its descendants. */
export function treeRssKb(root: number): number {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(statFields(d)[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    todo.push(...(kids.get(pid) ?? []));
  }
  return total;
}
