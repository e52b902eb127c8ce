// The ways a run ends before judging anything, each with one clear line for the
// user (the CLI's exit 2; the API throws them). Exported by the package.

/** Bad options: a flag's value, a combination that cannot work. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The target cannot be used: unreachable, not allowed, or fixtures cannot be made there. */
export class TargetError extends Error {
  override name = 'TargetError';
}

/** A bad --expect, --baseline or --replay input file. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}
