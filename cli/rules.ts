// `lambda-conformance rules [ID]`: the catalogue, one rule a line (id, tier,
// evidence class, title); with an id, that one rule in full (statement, tier,
// operations, evidence class, what the evidence leaves open, each reference).
// --json gives the rules as data, each with its `evidence: {class, refs}`.
import { catalogue, describeRef, rulesById, type Rule } from '../specs/rules/index.ts';
import { helpText, parseFlags, type CommandSpec } from '../run/flags.ts';
import { parseTier } from '../run/options.ts';
import { UsageError } from './usage.ts';

export const RULES_COMMAND: CommandSpec = {
  name: 'rules',
  synopsis: 'rules [ID] [--tier core|complete|strict] [--json]',
  summary: 'Lists the rules of the catalogue (id, tier, evidence class, statement); with an ID, prints that rule in full with its evidence and references.',
  flags: [
    { name: 'tier', value: 'core|complete|strict', help: 'only the rules of this tier' },
    { name: 'json', help: 'the rules as JSON, each with its evidence {class, refs}' },
  ],
};

/** One rule as `rules <id>` prints it. */
export function describeRule(r: Rule): string {
  return [
    r.id,
    `  statement:  ${r.title}`,
    `  tier:       ${r.tier}`,
    `  operations: ${r.operations.join(', ')}`,
    `  evidence:   ${r.evidence.class}`,
    ...(r.evidence.note ? [`  note:       ${r.evidence.note}`] : []),
    r.evidence.refs.length ? '  references:' : '  references: none',
    ...r.evidence.refs.map((ref) => `    - ${describeRef(ref)}`),
  ].join('\n');
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values, positionals, help } = parseFlags(RULES_COMMAND, args, true);
  if (help) {
    console.log(helpText(RULES_COMMAND));
    return 0;
  }
  const tier = parseTier(values.tier as string | undefined);
  if (positionals.length > 1) throw new UsageError(`one rule id at most, got ${positionals.length}`);
  const id = positionals[0];
  if (id !== undefined) {
    const rule = rulesById.get(id);
    if (!rule) {
      console.error(`lambda-conformance rules: no rule '${id}' in the catalogue (lambda-conformance rules lists them)`);
      return 2;
    }
    console.log(values.json ? JSON.stringify(rule, null, 2) : describeRule(rule));
    return 0;
  }
  const rules = catalogue.filter((r) => !tier || r.tier === tier);
  if (values.json) {
    console.log(JSON.stringify(rules, null, 2));
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) console.log(`${r.id.padEnd(width)}  ${r.tier.padEnd(8)}  ${r.evidence.class.padEnd(10)}  ${r.title}`);
  console.error(`${rules.length} rules`);
  return 0;
}
