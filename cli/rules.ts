// `lambda-conformance rules`: the catalogue, one rule a line (id, tier, title).
import { parseArgs } from 'node:util';
import { catalogue, TIERS, type Tier } from '../specs/rules/index.ts';
import { UsageError } from './usage.ts';

export function parseTier(value: string | undefined): Tier | undefined {
  if (value === undefined) return undefined;
  if (!(TIERS as readonly string[]).includes(value)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}, got '${value}'`);
  return value as Tier;
}

export async function rulesCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { tier: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const tier = parseTier(values.tier);
  const rules = catalogue.filter((r) => !tier || r.tier === tier);
  if (values.json) {
    console.log(JSON.stringify(rules, null, 2));
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  for (const r of rules) console.log(`${r.id.padEnd(width)}  ${r.tier.padEnd(8)}  ${r.title}`);
  console.error(`${rules.length} rules`);
  return 0;
}
