import { defineCatalog } from '../../src/catalog/index.js';
import type { CodeInput } from '../../src/catalog/types.js';
import { problemStatus, toProblem } from '../../src/gateway/index.js';
import { createNormalizer, KINDS, KIND_DETAILS, type Kind } from '../../src/index.js';

const SOURCE = 'https://docs.example.com/errors';
const DETAILS = KIND_DETAILS as Readonly<Record<string, { readonly field: string; readonly values: readonly string[] } | undefined>>;

interface Answer {
  readonly kind: Kind;
  readonly detail: string | undefined;
  readonly status: number;
  readonly retryAfter: boolean;
  readonly title: string;
}

/**
 * What `toProblem` answers for an error of every kind and detail value, each built by the real matcher from a
 * response that carries `Retry-After: 30`, so the table is what the code does, never a copy of it.
 */
function answers(): Answer[] {
  const codes: Record<string, CodeInput> = {};
  const variants: { code: string; kind: Kind; detail: string | undefined }[] = [];
  for (const kind of KINDS) {
    const values = DETAILS[kind]?.values ?? [undefined];
    for (const detail of values) {
      const code = detail === undefined ? kind : `${kind}:${detail}`;
      codes[code] = detail === undefined ? { kind, source: SOURCE } : { kind, detail, source: SOURCE };
      variants.push({ code, kind, detail });
    }
  }
  const every = defineCatalog({ id: 'every', name: 'Every kind', source: SOURCE, body: { code: ['code'] }, codes });
  const { normalize } = createNormalizer([every]);
  return variants.map(({ code, kind, detail }) => {
    const error = normalize({ provider: 'every', status: 400, headers: { 'retry-after': '30' }, body: { code } });
    const problem = toProblem(error);
    // The generator's own invariant: the error is the variant asked for, and both functions agree.
    if (error.kind !== kind || problem.body.reason !== (kind === 'rate-limited' ? undefined : detail) || problemStatus(error) !== problem.status) {
      throw new Error(`problem-status: ${code} built ${error.kind}, toProblem answered ${problem.status}, problemStatus ${problemStatus(error)}`);
    }
    return { kind, detail, status: problem.status, retryAfter: problem.headers['retry-after'] !== undefined, title: problem.body.title };
  });
}

/**
 * The problem-status table of the gateway guide: the status `toProblem` and `problemStatus` answer per kind
 * (per detail value where it changes the answer) and whether the `Retry-After` header is sent.
 */
export function problemStatusTable(): string {
  const rows: string[] = [];
  const all = answers();
  for (const kind of KINDS) {
    const ofKind = all.filter((answer) => answer.kind === kind);
    const groups = new Map<string, Answer[]>();
    for (const answer of ofKind) {
      const key = `${answer.status}|${answer.retryAfter}|${answer.title}`;
      groups.set(key, [...(groups.get(key) ?? []), answer]);
    }
    const field = DETAILS[kind]?.field;
    for (const group of groups.values()) {
      const [first] = group;
      if (first === undefined) continue;
      const detail =
        field === undefined ? '–' : groups.size === 1 ? `any \`${field}\`` : `\`${field}\`: ${group.map((a) => `\`${a.detail ?? ''}\``).join(', ')}`;
      rows.push(`| \`${kind}\` | ${detail} | ${first.status} | ${first.retryAfter ? 'yes, when the wait is known' : 'no'} | ${first.title} |`);
    }
  }
  return [
    '| kind | detail | status | `Retry-After` | title |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Computed by calling `toProblem` and `problemStatus` on an error of each kind and detail, classified by the matcher',
    "from a response with `Retry-After: 30`, with the kind's default hints. The header (and the body's `retryAfter`) is",
    "sent only for an error that is retryable and whose wait is known (the provider's `Retry-After` or the catalog's",
    'guidance); a catalog row can change `retryable`, and `statusFor` overrides the status of a kind.',
    '',
  ].join('\n');
}
