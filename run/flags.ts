// Command-line flags declared once: each flag's name, value, environment
// variable, default and one-line description give both the parser's
// configuration and the command's --help. Parse errors are one short line
// that names the flag, never the parser's internal wording.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

export interface Flag {
  name: string;
  /** The value's placeholder (`N`, `URL`); absent for a switch. */
  value?: string;
  /** May be given several times. */
  multiple?: boolean;
  /** Environment variables read when the flag is not given, first found wins. */
  env?: string[];
  /** The default, as said in --help. */
  default?: string;
  help: string;
  /** A single-letter alias (`h` for `--help`). */
  short?: string;
}

export const HELP_FLAG: Flag = { name: 'help', short: 'h', help: 'print this help and exit' };

export interface CommandSpec {
  name: string;
  /** `run [options]`, `diff-recordings A B`. */
  synopsis: string;
  summary: string;
  flags: readonly Flag[];
  /** More lines for --help (positional arguments, examples). */
  notes?: readonly string[];
}

export interface Parsed {
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
  help: boolean;
  /** The flags whose value came from the environment, with the variable's name. */
  fromEnv: Record<string, string>;
}

/**
 * `--seed -5` would make Node's parser complain that the argument is
 * ambiguous: a value-taking flag followed by a dash-led word takes it as its
 * value (`--seed=-5`), so that the flag's own check says what is wrong with it.
 */
function joinDashValues(args: readonly string[], flags: readonly Flag[]): string[] {
  const takesValue = new Set(flags.filter((f) => f.value).map((f) => `--${f.name}`));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (takesValue.has(a) && next?.startsWith('-') && next !== '--' && !next.startsWith('--')) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Node's parse errors in our words: one line naming the flag. */
function plainError(e: NodeJS.ErrnoException, spec: CommandSpec): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag ?? ''} for ${spec.name}`.trim());
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(`${flag ?? 'an option'} needs a value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${/'([^']+)'/.exec(e.message)?.[1] ?? ''} for ${spec.name}`.trim());
    default:
      return new UsageError(e.message.split('\n')[0]!);
  }
}

export function parseFlags(spec: CommandSpec, args: readonly string[], allowPositionals = false): Parsed {
  const flags = [...spec.flags, HELP_FLAG];
  const options = Object.fromEntries(
    flags.map((f) => [
      f.name,
      { type: f.value ? ('string' as const) : ('boolean' as const), ...(f.multiple ? { multiple: true } : {}), ...(f.short ? { short: f.short } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: joinDashValues(args, flags), options, strict: true, allowPositionals });
    const v = values as Parsed['values'];
    const help = v.help === true;
    delete v.help;
    // Environment variables stand in for flags that are not given.
    const fromEnv: Record<string, string> = {};
    for (const f of spec.flags) {
      if (v[f.name] !== undefined || !f.env) continue;
      const name = f.env.find((n) => process.env[n] !== undefined && process.env[n] !== '');
      if (name === undefined) continue;
      const raw = process.env[name]!;
      v[f.name] = f.multiple
        ? raw
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : f.value
          ? raw
          : raw === 'true' || raw === '1';
      fromEnv[f.name] = name;
    }
    return { values: v, positionals, help, fromEnv };
  } catch (e) {
    if (String((e as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS')) throw plainError(e as NodeJS.ErrnoException, spec);
    throw e;
  }
}

/** A command's --help: what it does, each flag with its value, environment variable and default. */
export function helpText(spec: CommandSpec, program = 'lambda-conformance'): string {
  const flags = [...spec.flags, HELP_FLAG];
  const left = (f: Flag) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`;
  const width = Math.min(36, Math.max(...flags.map((f) => left(f).length)));
  const lines = flags.map((f) => {
    const extras = [f.env?.length ? `env ${f.env.join(' or ')}` : '', f.default ? `default ${f.default}` : '', f.multiple ? 'repeatable' : ''].filter(Boolean);
    const l = left(f);
    return `  ${l.padEnd(width)}  ${f.help}${extras.length ? ` (${extras.join('; ')})` : ''}`;
  });
  return [`usage: ${program} ${spec.synopsis}`, '', spec.summary, '', 'options:', ...lines, ...(spec.notes?.length ? ['', ...spec.notes] : [])].join('\n');
}
