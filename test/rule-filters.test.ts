// Which rules a run leaves out, and how the reports tell a filter from a
// problem: every reason filteredOut or a shard gives is read as a filter, and
// no other reason is (a filtered rule neither counts in coverage nor appears
// among the causes of rules without a verdict).
import { describe, expect, test } from 'vitest';
import { catalogue } from '../specs/rules/index.ts';
import { filteredOut, inAnotherShard, isAnotherShard, isFilterReason } from '../suites/harness/run-config.ts';

describe('rule filters', () => {
  const rule = catalogue.find((r) => r.tier === 'strict' && r.evidence.class === 'inferred')!;

  test('each reason filteredOut gives, and a shard, is read as a filter', () => {
    const reasons = [
      filteredOut(rule, { tier: 'core' }),
      filteredOut(rule, { tier: 'strict', evidence: ['recorded'] }),
      filteredOut(rule, { tier: 'strict', rules: '!*' }),
      inAnotherShard('2/3'),
    ];
    for (const reason of reasons) {
      expect(reason).toBeDefined();
      expect(isFilterReason(reason), reason).toBe(true);
    }
    expect(isAnotherShard(inAnotherShard('2/3'))).toBe(true);
    expect(filteredOut(rule, { tier: 'strict', rules: `${rule.id}` })).toBeUndefined();
  });

  test('a problem is not a filter', () => {
    for (const reason of ['blocked by set-up: CreateFunction refused', 'not run: the target stopped answering', 'the target lacks SQS', undefined]) {
      expect(isFilterReason(reason), String(reason)).toBe(false);
    }
    expect(isAnotherShard('blocked by put.creates-config')).toBe(false);
  });

  test('--rules: globs select, !globs leave out, only exclusions mean every other rule', () => {
    const put = catalogue.find((r) => r.id.startsWith('put.'))!;
    const other = catalogue.find((r) => !r.id.startsWith('put.'))!;
    const cfg = (rules: string) => ({ tier: 'strict' as const, rules });
    expect(filteredOut(put, cfg('!put.*'))).toMatch(/^not selected by --rules/);
    expect(filteredOut(other, cfg('!put.*'))).toBeUndefined();
    expect(filteredOut(put, cfg('put.*'))).toBeUndefined();
    expect(filteredOut(other, cfg('put.*'))).toBeDefined();
    expect(filteredOut(put, cfg(`put.*,!${put.id}`))).toBeDefined();
  });
});
