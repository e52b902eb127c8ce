// The suite against LocalStack, the most used Lambda emulator: the pinned
// localstack-core (scripts/ensure-localstack.sh installs it, with a no-op Lambda
// executor so that it needs no Docker; test/helpers/localstack.ts runs it). With
// no flag but --target, fixtures must be made (account from STS, a role through
// its IAM, real SQS/SNS/EventBridge/S3 destinations), the destination rules must
// give a verdict, and nothing may be left behind. LocalStack diverges from AWS
// and there is no expect file for it, so the exit code and which rules pass are
// not asserted; the log shows the run's counts, root causes and wall time.
// Where LocalStack is not installed this test is skipped with the reason; in CI
// (CI=true) that is a failure.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCALSTACK_PIN, localstackMissing, startLocalStack, type LocalStack } from './helpers/localstack.ts';
import { DESTINATION_RULES, leftovers } from './helpers/run-leftovers.ts';
import { run } from './helpers/run.ts';

const missing = localstackMissing();
// The default reporter does not name skipped tests: say it once, plainly.
if (missing) console.warn(`test/localstack.test.ts: the test against LocalStack is SKIPPED: ${missing}`);
describe.skipIf(missing !== undefined)(
  `against LocalStack ${LOCALSTACK_PIN} (a real emulator, without Docker)${missing ? ` — SKIPPED: ${missing}` : ''}`,
  () => {
    let localstack: LocalStack;
    beforeAll(async () => {
      localstack = await startLocalStack();
    }, 90_000);
    afterAll(async () => localstack?.stop(), 30_000);

    test('with no flag but --target: fixtures and real destinations are made, the destination rules get verdicts, nothing is left', async () => {
      const started = Date.now();
      const r = await run('--target', localstack.url);
      const seconds = (Date.now() - started) / 1000;
      expect(r.results, `no results.json; exit ${r.code}; ${r.stderr.slice(-3000)}`).not.toBeNull();
      const s = r.results.summary;
      console.log(
        `LocalStack ${LOCALSTACK_PIN}: ${s.pass} pass, ${s.fail} fail, ${s.inconclusive} inconclusive, ${s.skip} skip; ` +
          `${r.results.rootCauses?.length ?? 0} root causes; ${r.results.coverage?.judged}/${r.results.coverage?.selected} rules judged; exit ${r.code}; ${seconds.toFixed(1)} s`,
      );
      // What the run or LocalStack reported beyond verdicts: shown, not judged (LocalStack's verdicts move with the suites).
      for (const p of r.results.setupProblems ?? []) console.log(`  set-up problem: ${p.cause} (${p.rules.length} rules)`);
      for (const e of r.results.errors) console.log(`  run error: ${e}`);
      for (const e of localstack.errors().slice(0, 12)) console.log(`  LocalStack logged ${e}`);

      expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
      expect(r.results.aborted, r.stderr.slice(-3000)).toBeUndefined();
      // No rule is inconclusive because a fixture could not be made: neither a
      // rule's own (`fixture CreateFunction could not be set up: ...`) nor the
      // run's (`blocked by set-up: ...`). A rule blocked by a divergent step of its
      // own (`blocked by a set-up step: ...`) is LocalStack's answer, not a fixture.
      const noFixture = r.results.rules.filter((x) => x.verdict === 'inconclusive' && /\bfixture\b|blocked by set-up:/.test(x.reason ?? ''));
      expect(noFixture.map((x) => `${x.id}: ${x.reason}`)).toEqual([]);
      expect(r.results.setupProblems?.filter((p) => p.blocking) ?? []).toEqual([]);
      // The destination rules judge real resources: a verdict, never skip or inconclusive.
      for (const id of DESTINATION_RULES) {
        const rule = r.results.rules.find((x) => x.id === id);
        expect(['pass', 'fail'], `${id}: ${rule?.verdict} ${rule?.reason ?? ''}`).toContain(rule?.verdict);
      }
      // Nothing left behind: the run deleted what it made, and LocalStack agrees.
      expect(r.results.leaks).toEqual([]);
      expect(await leftovers(localstack.url)).toEqual([]);
    }, 300_000);
  },
);
