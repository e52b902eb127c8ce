// The embedded target's endpoint, on its own so that code which only names the
// embedded target (the CLI's results header) need not load the emulator.

/** Never resolved: requests stop at the in-process handler. */
export const EMBEDDED_ENDPOINT = 'http://embedded.lambda-conformance.invalid';
