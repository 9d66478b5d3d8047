/**
 * What `npm run demo` prints: every documented row and code of every shipped catalog,
 * normalized and summarized per provider, then the interesting cases one by
 * one (real provider bodies, each labelled with what it is), as a gateway, a
 * frontend and an alert rule would read them. `npm run demo -- --all` prints
 * every documented row too. Fits an 80-column terminal.
 */
import { createNormalizer, type NormalizedError, type NormalizeInput } from '../src/index.node.js';
import { allCatalogs } from '../catalogs/all.js';
import { fromError, toProblem } from '../src/gateway/index.js';
import { renderMessage } from '../src/messages/index.js';
import { errorLabels } from '../src/observability/index.js';
import { codeFixtures, rowFixtures } from '../src/testkit/fixtures.js';

/** One labelled response of `demo/responses.json`, and what it must classify as. */
export interface DemoCase {
  readonly label: string;
  readonly expected: { readonly kind: string; readonly detail?: string; readonly by: string } | { readonly step: string };
  readonly response: NormalizeInput;
}

const WIDTH = 80;
const normalizer = createNormalizer(allCatalogs);

/** Words wrapped to the terminal, each line indented. */
function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

const cut = (text: string, width: number): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));

function detailOf(error: NormalizedError): string | undefined {
  return 'reason' in error
    ? error.reason
    : 'scope' in error
      ? error.scope
      : 'pending' in error && error.pending !== undefined
        ? `step ${error.pending}`
        : undefined;
}

function kindText(error: NormalizedError): string {
  const detail = detailOf(error);
  return detail === undefined ? error.kind : `${error.kind} (${detail})`;
}

function retryText(error: NormalizedError): string {
  if (!error.retry.retryable) return 'do not retry';
  if (error.retry.waitForJob) return 'poll the running job';
  const when = error.retry.afterMs === undefined ? 'retry with backoff' : `retry after ${error.retry.afterMs / 1000} s`;
  return error.retry.mayHaveSucceeded ? `${when}, if sending it twice is safe (it may have succeeded)` : when;
}

/** The demo's lines: the per-provider summary, then each case as a gateway, a frontend and an alert rule read it. */
export function demoLines(cases: readonly DemoCase[], all: boolean): string[] {
  const out: string[] = [];
  out.push('aggregator-errors: every provider error as one typed value');
  out.push('='.repeat(WIDTH));
  out.push('\n1. Every documented row and code, per provider\n');
  out.push(`${cut('provider', 10)} ${cut('rows', 5)} ${cut('codes', 5)} kinds they classify as`);
  for (const catalog of allCatalogs) {
    const rows = rowFixtures(catalog);
    const codes = codeFixtures(catalog);
    const kinds = new Map<string, number>();
    for (const fixture of [...rows, ...codes]) {
      const kind = normalizer.normalize(fixture.input).kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const summary = [...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ');
    const [first = '', ...rest] = wrap(summary, '', WIDTH - 23);
    out.push(`${cut(catalog.id, 10)} ${cut(String(rows.length), 5)} ${cut(String(codes.length), 5)} ${first}`);
    for (const line of rest) out.push(`${' '.repeat(23)}${line}`);
    if (all) {
      for (const fixture of rows) {
        const error = normalizer.normalize(fixture.input);
        out.push(
          `  ${cut(`${fixture.input.status ?? ''} ${fixture.expected.code ?? ''}`, 14)} ${cut(fixture.expected.endpoint ?? '', 38)} ${cut(kindText(error), 23)}`,
        );
      }
    }
  }
  if (!all) out.push('\n(npm run demo -- --all prints every row)');

  out.push(`\n2. The interesting cases, one by one\n`);
  const show = (label: string, error: NormalizedError): void => {
    out.push(label);
    const problem = toProblem(error);
    const message = renderMessage(error);
    const labels = errorLabels(error);
    for (const line of [
      `kind      ${kindText(error)}${error.code === undefined ? '' : `, code ${error.code}`}${error.status === undefined ? '' : `, HTTP ${error.status}`}`,
      `matched   by ${error.match.by}${error.endpoint === undefined ? '' : ` on ${error.endpoint}`}${error.match.legacy ? ' (legacy code)' : ''}`,
      `gateway   ${retryText(error)}; answers ${problem.status}${problem.headers['retry-after'] === undefined ? '' : ` with Retry-After ${problem.headers['retry-after']}`}`,
      `frontend  "${message.title}", button "${message.action.label}"`,
      `alerting  ${labels.severity === 'page' ? 'pages' : labels.severity === 'ticket' ? 'opens a ticket' : 'counted only'} (owner ${error.owner})`,
      ...(error.causes.length === 0
        ? []
        : [`causes    ${error.causes.map((cause) => `${cause.code ?? '?'} ${cause.params['item_id'] ?? ''}: ${cause.kind}`).join('; ')}`]),
    ]) {
      const [head = '', ...tail] = wrap(line.slice(10), '', WIDTH - 12);
      out.push(`  ${line.slice(0, 10)}${head}`);
      for (const more of tail) out.push(`${' '.repeat(12)}${more}`);
    }
    out.push('');
  };
  for (const { label, response } of cases) {
    const step = normalizer.pending(response);
    if (step === undefined) {
      show(label, normalizer.normalize(response));
      continue;
    }
    // A step is not a failure: the flow goes on once the user answers it.
    out.push(
      `${label}\n  step      ${step.step}, announced by code ${step.code}${step.status === undefined ? '' : ` at HTTP ${step.status}`}\n  gateway   ask the user, then answer the provider; nothing failed\n`,
    );
  }
  // A request that got no answer at all: not catalog drift, and a POST that may have succeeded.
  const timeout = Object.assign(new Error('connect ETIMEDOUT 203.0.113.7:443'), { code: 'ETIMEDOUT' });
  show(
    'A timeout: no response at all',
    fromError(timeout, { normalizer, provider: 'aerosync', request: { method: 'POST', url: 'https://api.aerosync.com/v2/accounts/u-9/refresh' } }),
  );
  return out;
}
