// Choosing rules by id: comma-separated globs (`*` is any text), and `!glob`
// to leave rules out. `put.*` selects the Put rules, `!put.*` every rule but
// those, `qualifier.*,!qualifier.mismatch.*` the qualifier rules but the
// mismatch ones. Used by --rules, --expect entries and the mutants' selection.

/** One RegExp matching any of the comma-separated globs (exclusions are not globs here). */
export function globToRegExp(globs: string): RegExp {
  const parts = globs
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const body = parts.map((g) => g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).join('|');
  return new RegExp(`^(?:${body})$`);
}

/** A predicate over rule ids for a --rules value: the included globs (all when only exclusions are given) minus the `!` ones. */
export function ruleSelector(globs: string): (id: string) => boolean {
  const parts = globs
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const include = parts.filter((p) => !p.startsWith('!'));
  const exclude = parts.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const inc = include.length ? globToRegExp(include.join(',')) : undefined;
  const exc = exclude.length ? globToRegExp(exclude.join(',')) : undefined;
  return (id) => (!inc || inc.test(id)) && !exc?.test(id);
}
