// How a run is stopped before its end, from its first moment: SIGINT or
// SIGTERM (exit 130 / 143), or its whole-run deadline (--max-duration). Each
// stops whatever is going on (the target's preparation, the suites), after
// which the run removes what it created and writes its results as usual.

export type StopReason = 'SIGINT' | 'SIGTERM' | 'max-duration';

export class RunStop {
  private readonly controller = new AbortController();
  private readonly listeners: Array<() => void> = [];
  private readonly onInt = () => this.stop('SIGINT');
  private readonly onTerm = () => this.stop('SIGTERM');
  private readonly timer?: NodeJS.Timeout;
  reason?: StopReason;

  constructor(
    maxDurationMs: number | undefined,
    private readonly log: (line: string) => void,
  ) {
    process.on('SIGINT', this.onInt);
    process.on('SIGTERM', this.onTerm);
    if (maxDurationMs) {
      this.timer = setTimeout(() => this.stop('max-duration'), maxDurationMs);
      this.timer.unref();
    }
  }

  /** Aborted once the run is to stop; its reason is an Error saying why. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Runs `f` when the run is stopped (at once if it already is). */
  onStop(f: () => void): void {
    if (this.reason) f();
    else this.listeners.push(f);
  }

  stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.log(
      reason === 'max-duration'
        ? '--max-duration passed: stopping the run, then removing everything it created'
        : `${reason}: stopping the run, then removing everything it created`,
    );
    this.controller.abort(new Error(reason === 'max-duration' ? 'the run reached --max-duration' : `interrupted by ${reason}`));
    for (const f of this.listeners.splice(0)) f();
  }

  /** The exit code a stop means: 130 and 143 as the shell expects of a signal; a deadline is judged by the results. */
  get exitCode(): 130 | 143 | undefined {
    return this.reason === 'SIGINT' ? 130 : this.reason === 'SIGTERM' ? 143 : undefined;
  }

  dispose(): void {
    process.off('SIGINT', this.onInt);
    process.off('SIGTERM', this.onTerm);
    if (this.timer) clearTimeout(this.timer);
  }
}
