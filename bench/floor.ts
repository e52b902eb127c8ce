// The floor under any full run, for bench/run.ts: a fresh Node process that
// loads only what every run must load (tsx, the SDK, msw, the reference
// emulator and its validators) and sends N calls of the bench mix, cold, the
// way a run's first calls are. No runner, no generators, no assertions: no run
// that makes N requests in a new process can take less wall time than this.
//   node --import tsx bench/floor.ts N
// Prints one JSON line: seconds from process start to loaded, and of the calls.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const loadStarted = performance.now();
const { embeddedTarget } = await import('../targets/embedded.ts');
const { createBenchFunction, cycle, CYCLE } = await import('./workload.ts');

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  console.error(`bench/floor.ts: expected a number of calls, got '${process.argv[2] ?? ''}'`);
  process.exit(2);
}
const target = embeddedTarget();
const loaded = performance.now();
await createBenchFunction(target.client, 'bench-floor');
const calls = cycle('bench-floor');
for (let i = 0; i < n - 1; i++) await calls[i % CYCLE]!(target.client);
const done = performance.now();
target.client.destroy();
// performance.now() counts from the process's start: node and tsx start-up included.
console.log(JSON.stringify({ startS: loadStarted / 1000, loadS: (loaded - loadStarted) / 1000, callsS: (done - loaded) / 1000 }));
