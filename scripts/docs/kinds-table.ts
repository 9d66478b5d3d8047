import { KIND_DOCS } from '../../src/catalog/index.js';
import { KINDS, KIND_DEFAULTS, KIND_DETAILS } from '../../src/index.js';

/** The kinds table: each kind's meaning, who acts, its default hints and its detail values, from the taxonomy. */
export function kindsTable(): string {
  const details = KIND_DETAILS as Record<string, { readonly field: string; readonly values: readonly string[] } | undefined>;
  const rows = KINDS.map((kind) => {
    const d = KIND_DEFAULTS[kind];
    const detail = details[kind];
    return `| \`${kind}\` | ${KIND_DOCS[kind].meaning} | ${KIND_DOCS[kind].whoActs} | ${d.retryable ? 'yes' : 'no'} | \`${d.userAction}\` | \`${d.owner}\` | \`${d.severity}\` | ${detail === undefined ? '' : `\`${detail.field}\`: ${detail.values.map((v) => `\`${v}\``).join(', ')}`} |`;
  });
  return ['| kind | meaning | who acts | retryable | user action | owner | severity | detail |', '|---|---|---|---|---|---|---|---|', ...rows, ''].join('\n');
}
