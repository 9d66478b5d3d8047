import type { CatalogInput, CodeInput, PendingInput, SandboxTriggerInput } from '../catalog/types.js';
import { codeEntry, documentedRows, overridesCode, resolveCategoryCode, resolveCode, sourceUrl, type ResolvedMeaning } from '../catalog/resolve.js';
import { compileMeaning } from '../matcher/compile.js';
import type { Kind } from '../taxonomy/kinds.js';
import { closeMatches } from '../util/suggest.js';
import { UsageError } from './usage-error.js';

/** The hints a meaning ends up with: its kind's defaults, then the catalog's own. */
export interface EffectiveHints {
  readonly retryable: boolean;
  readonly afterMs: number | undefined;
  readonly userAction: string;
  readonly owner: string;
  readonly severity: string;
}

/** One documented endpoint row of a code. */
export interface ExplainedRow {
  readonly endpoint: string;
  readonly status: number;
  readonly printed: string | undefined;
  readonly kind: Kind;
  readonly detail: string | undefined;
  /** Whether the row sets its own kind rather than taking the code's. */
  readonly overridesKind: boolean;
  readonly message: string | undefined;
  readonly description: string | undefined;
  readonly note: string | undefined;
  readonly source: string;
  readonly hints: EffectiveHints;
}

/** What the code means under one more category (Plaid reuses codes under several `error_type`s). */
export interface ExplainedCategory {
  readonly category: string;
  readonly kind: Kind;
  readonly detail: string | undefined;
  readonly description: string | undefined;
  readonly note: string | undefined;
  readonly source: string | undefined;
  readonly hints: EffectiveHints;
}

/** Everything a catalog documents about one code. */
export interface Explanation {
  readonly provider: string;
  readonly providerName: string;
  readonly code: string;
  /** The provider-wide meaning, when the catalog documents one (its source resolved to a URL). */
  readonly meaning:
    | (CodeInput & { readonly source: string; readonly effective: { readonly hints: EffectiveHints; readonly detail: string | undefined } })
    | undefined;
  /** The code's meaning under other categories, where the provider reuses it. */
  readonly categories: readonly ExplainedCategory[];
  readonly rows: readonly ExplainedRow[];
  readonly pending: readonly PendingInput[];
  readonly sandbox: readonly SandboxTriggerInput[];
}

/** A meaning's hints and detail as the matcher compiles them, so that what is explained is what normalize returns. */
export function effective(meaning: ResolvedMeaning): { hints: EffectiveHints; detail: string | undefined } {
  const compiled = compileMeaning(meaning, 'row', 'row', undefined);
  return {
    hints: {
      retryable: compiled.retry.retryable,
      afterMs: compiled.retry.afterMs,
      userAction: compiled.userAction,
      owner: compiled.owner,
      severity: compiled.severity,
    },
    detail: compiled.detail,
  };
}

/** Every code a catalog mentions: provider-wide, in endpoint rows and as pending steps. */
export function codesOf(catalog: CatalogInput): Set<string> {
  const codes = new Set<string>(Object.keys(catalog.codes ?? {}));
  for (const endpoint of Object.values(catalog.endpoints ?? {})) for (const row of endpoint.rows) if (row.code !== undefined) codes.add(row.code);
  for (const step of catalog.pending ?? []) codes.add(step.code);
  for (const entry of Object.values(catalog.codes ?? {})) for (const alias of entry.aliases ?? []) codes.add(alias);
  return codes;
}

/** Finds a catalog by id (any case), or throws a {@link UsageError} that suggests close ids. */
export function findCatalog<C extends CatalogInput>(catalogs: readonly C[], id: string): C {
  const found = catalogs.find((catalog) => catalog.id === id) ?? catalogs.find((catalog) => catalog.id === id.toLowerCase());
  if (found !== undefined) return found;
  const ids = catalogs.map((catalog) => catalog.id);
  const close = closeMatches(id, ids);
  throw new UsageError(
    `unknown provider "${id}".${close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ''} Known providers: ${ids.length > 0 ? ids.join(', ') : '(none)'}.`,
  );
}

function knownCode(catalog: CatalogInput, typed: string): string {
  const codes = codesOf(catalog);
  if (codes.has(typed)) return Object.entries(catalog.codes ?? {}).find(([, entry]) => entry.aliases?.includes(typed) === true)?.[0] ?? typed;
  // Codes are case-sensitive, but "ac-104" can only mean one thing when one code matches.
  const sameButCase = [...codes].filter((code) => code.toLowerCase() === typed.toLowerCase());
  if (sameButCase.length === 1 && sameButCase[0] !== undefined) return sameButCase[0];
  const close = closeMatches(typed, codes);
  throw new UsageError(
    `${catalog.name} (${catalog.id}) documents no code "${typed}".${close.length > 0 ? ` Did you mean ${close.join(', ')}?` : ''} ` +
      `Run "aggregator-errors catalog --provider ${catalog.id} --format markdown" to list its ${codes.size} codes.`,
  );
}

function collect(catalog: CatalogInput, code: string): Explanation {
  const entry = codeEntry(catalog, code);
  const resolved = resolveCode(catalog, code);
  const rows: ExplainedRow[] = documentedRows(catalog)
    .filter(({ row }) => row.code === code)
    .map(({ endpoint, row, meaning }) => {
      const { hints, detail } = effective(meaning);
      return {
        endpoint,
        status: row.status,
        printed: row.printed,
        kind: meaning.kind,
        detail,
        overridesKind: overridesCode(catalog, row),
        message: meaning.message,
        description: meaning.description,
        note: meaning.note,
        source: meaning.source ?? '',
        hints,
      };
    });
  const categories: ExplainedCategory[] = Object.keys(entry?.byCategory ?? {}).flatMap((category) => {
    const meaning = resolveCategoryCode(catalog, code, category);
    if (meaning === undefined) return [];
    const { hints, detail } = effective(meaning);
    return [{ category, kind: meaning.kind, detail, description: meaning.description, note: meaning.note, source: meaning.source, hints }];
  });
  return {
    provider: catalog.id,
    providerName: catalog.name,
    code,
    meaning: entry === undefined || resolved === undefined ? undefined : { ...entry, source: resolved.source ?? '', effective: effective(resolved) },
    categories,
    rows,
    pending: (catalog.pending ?? []).filter((step) => step.code === code).map((step) => ({ ...step, source: sourceUrl(catalog, step.source) ?? step.source })),
    sandbox: (catalog.sandbox ?? []).filter((trigger) => trigger.code === code),
  };
}

/**
 * Collects every documented row and the provider-wide meaning of a provider's code.
 *
 * @throws {@link UsageError} for an unknown provider or code, suggesting close matches.
 */
export function explain(catalogs: readonly CatalogInput[], providerId: string, typedCode: string): Explanation {
  const catalog = findCatalog(catalogs, providerId);
  return collect(catalog, knownCode(catalog, typedCode));
}

function line(label: string, value: string | number | undefined, indent: string): string[] {
  return value === undefined ? [] : [`${indent}${`${label}:`.padEnd(13)}${String(value)}`];
}

function kindText(kind: Kind, detail: string | undefined): string {
  return detail === undefined ? kind : `${kind} (${detail})`;
}

function hintsText(hints: EffectiveHints): string {
  const wait = hints.afterMs === undefined ? '' : `, after ${hints.afterMs} ms`;
  return `${hints.retryable ? 'retryable' : 'not retryable'}${wait}; user action ${hints.userAction}; owner ${hints.owner}; severity ${hints.severity}`;
}

/**
 * Renders an {@link Explanation} as readable text for a terminal.
 */
export function formatExplanation(explanation: Explanation): string {
  const out: string[] = [`${explanation.providerName} (${explanation.provider}) code ${explanation.code}`, ''];
  const meaning = explanation.meaning;
  if (meaning === undefined) {
    out.push(`Provider-wide meaning: none documented${explanation.rows.length > 0 ? ' (only its endpoint rows give it one)' : ''}.`);
  } else {
    out.push(`Provider-wide meaning: ${kindText(meaning.kind, meaning.effective.detail)}`);
    const i = '  ';
    out.push(
      ...line('message', meaning.message, i),
      ...line('description', meaning.description, i),
      ...line('note', meaning.note, i),
      ...line('statuses', meaning.statuses?.join(', '), i),
      ...line('arrives', meaning.arrives, i),
      ...line('category', meaning.category, i),
      ...line('also sent as', meaning.aliases?.join(', '), i),
      ...line('legacy', meaning.legacy === true ? 'no longer in the current docs; the source is where it was documented' : undefined, i),
      ...line('third party', meaning.thirdParty, i),
      ...line('handling', hintsText(meaning.effective.hints), i),
      ...line('source', meaning.source, i),
    );
  }
  if (explanation.categories.length > 0) {
    out.push('', 'Under another category (matched on the category and the code together):');
    for (const other of explanation.categories) {
      const i = '      ';
      out.push(`  ${other.category}: ${kindText(other.kind, other.detail)}`);
      out.push(
        ...line('description', other.description, i),
        ...line('note', other.note, i),
        ...line('handling', hintsText(other.hints), i),
        ...line('source', other.source, i),
      );
    }
  }
  out.push('');
  if (explanation.rows.length === 0) {
    out.push('Endpoint rows: none (the code is documented provider-wide only).');
  } else {
    const endpoints = new Set(explanation.rows.map((row) => row.endpoint)).size;
    out.push(
      `Endpoint rows: ${explanation.rows.length} on ${endpoints} endpoint${endpoints === 1 ? '' : 's'}${meaning === undefined ? '' : ' (a field is shown where the row differs from the provider-wide meaning)'}`,
    );
    const width = Math.max(...explanation.rows.map((row) => String(row.status).length));
    for (const row of explanation.rows) {
      const i = '      ';
      const differs = <T>(value: T, general: T | undefined): T | undefined => (meaning === undefined || value !== general ? value : undefined);
      const kind = kindText(row.kind, row.detail);
      const handling = hintsText(row.hints);
      const general = meaning === undefined ? undefined : kindText(meaning.kind, meaning.effective.detail);
      out.push(`  ${String(row.status).padStart(width)}  ${row.endpoint}`);
      out.push(
        ...line('printed', row.printed === undefined ? undefined : `"${row.printed}"`, i),
        ...line('kind', row.overridesKind && meaning !== undefined ? `${kind} (this row overrides the code)` : differs(kind, general), i),
        ...line('message', differs(row.message, meaning?.message), i),
        ...line('description', differs(row.description, meaning?.description), i),
        ...line('note', row.note, i),
        ...line('handling', differs(handling, meaning === undefined ? undefined : hintsText(meaning.effective.hints)), i),
        ...line('source', differs(row.source, meaning?.source), i),
      );
    }
  }
  if (explanation.pending.length > 0) {
    out.push('', 'Not a failure when it announces a step:');
    for (const step of explanation.pending) {
      const when = step.when === undefined ? '' : ` when the body has ${step.when}`;
      const status = step.status === undefined ? '' : ` with status ${step.status}`;
      out.push(`  ${step.step}${status}${when}: ${step.description} (${step.source})`);
    }
  }
  if (explanation.sandbox.length > 0) {
    out.push('', 'Sandbox triggers:');
    for (const trigger of explanation.sandbox) {
      const compare = trigger.compare === 'suffix' ? 'ending in' : '=';
      out.push(`  ${trigger.field} ${compare} "${trigger.value}"${trigger.endpoint === undefined ? '' : ` on ${trigger.endpoint}`}: ${trigger.description}`);
    }
  }
  return `${out.join('\n')}\n`;
}
