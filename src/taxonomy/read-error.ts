import { own } from '../util/own.js';
import { KIND_DEFAULTS } from './defaults.js';
import { KIND_DETAILS } from './details.js';
import { OWNERS, SEVERITIES, USER_ACTIONS } from './hints.js';
import type { Owner, Severity, UserAction } from './hints.js';
import { isKind } from './kinds.js';
import type { Kind } from './kinds.js';
import { MATCH_STEPS, type MatchStep } from './normalized-error.js';

// Readers of a normalized error that may have crossed a process boundary as JSON,
// or be any value at all (a proxy, an object with throwing getters): every reader
// reads own properties once, never throws, checks the value against its closed
// list and falls back to the kind's default. The gateway, the messages and
// observability all read errors through these.

/**
 * The match steps that found the observed code in the catalog; any other step means the code is undocumented.
 *
 * @public
 */
export const DOCUMENTED_STEPS: readonly MatchStep[] = ['row', 'endpoint-code', 'category-code', 'code', 'pending'];

/** The longest endpoint template kept as a label value. */
export const MAX_ENDPOINT_LENGTH = 128;

// A catalog endpoint id: an upper-case method, one space, a path template
// (optionally `?key=value` pairs). A segment is a {name} placeholder or a word
// without digits but for a version (v1, v3.1): a raw path such as
// "GET /users/u-42" is not a template, and an id never becomes a label.
const ENDPOINT =
  /^[A-Z]{3,7} (\/(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_.~-]+|v\d+(\.\d+)*))*\/?(\?[A-Za-z_][A-Za-z0-9_]*=[A-Za-z_.~-]+(&[A-Za-z_][A-Za-z0-9_]*=[A-Za-z_.~-]+)*)?$/;
const stepSet: ReadonlySet<string> = new Set(MATCH_STEPS);
const documentedSet: ReadonlySet<string> = new Set(DOCUMENTED_STEPS);
const ownerSet: ReadonlySet<string> = new Set(OWNERS);
const severitySet: ReadonlySet<string> = new Set(SEVERITIES);
const actionSet: ReadonlySet<string> = new Set(USER_ACTIONS);

/** An own property of any value, `undefined` when it is not an object or reading it throws. */
export const read: (error: unknown, key: string) => unknown = own;

/** Whether the step found the observed code in the catalog. */
export function isDocumented(step: MatchStep): boolean {
  return documentedSet.has(step);
}

/** The kind of any value, `'unknown'` when it is not one. */
export function kindOf(error: unknown): Kind {
  const kind = read(error, 'kind');
  return isKind(kind) ? kind : 'unknown';
}

/** The match step of any value, `'none'` when it has none. */
export function matchOf(error: unknown): MatchStep {
  const by = read(read(error, 'match'), 'by');
  return typeof by === 'string' && stepSet.has(by) ? (by as MatchStep) : 'none';
}

/** The owner of any value, the kind's default when it has no valid one. */
export function ownerOf(error: unknown): Owner {
  const owner = read(error, 'owner');
  return typeof owner === 'string' && ownerSet.has(owner) ? (owner as Owner) : KIND_DEFAULTS[kindOf(error)].owner;
}

/** The severity of any value, the kind's default when it has no valid one. */
export function severityOf(error: unknown): Severity {
  const severity = read(error, 'severity');
  return typeof severity === 'string' && severitySet.has(severity) ? (severity as Severity) : KIND_DEFAULTS[kindOf(error)].severity;
}

/** The endpoint template id of any value, `undefined` when it does not look like one (a raw URL never does). */
export function endpointOf(error: unknown): string | undefined {
  const endpoint = read(error, 'endpoint');
  return typeof endpoint === 'string' && endpoint.length <= MAX_ENDPOINT_LENGTH && ENDPOINT.test(endpoint) ? endpoint : undefined;
}

const details: Readonly<Record<string, { readonly field: string; readonly values: readonly string[] } | undefined>> = KIND_DETAILS;

/** The detail value (`reason` or `scope`) of any value, when it is one its kind documents. */
export function detailOf(error: unknown): string | undefined {
  const spec = details[kindOf(error)];
  const detail = spec === undefined ? undefined : read(error, spec.field);
  return typeof detail === 'string' && spec?.values.includes(detail) === true ? detail : undefined;
}

const PROVIDER = /^[a-z][a-z0-9_-]{0,31}$/;

/** The provider id of any value, `'other'` when it is not catalog-shaped or not among `allowed`. */
export function providerOf(error: unknown, allowed?: readonly string[]): string {
  const provider = read(error, 'provider');
  return typeof provider === 'string' && PROVIDER.test(provider) && (allowed === undefined || allowed.includes(provider)) ? provider : 'other';
}

/**
 * The longest code kept as a label value: longer than any code a shipped
 * catalog documents (Plaid's longest is 45 characters), short enough that a
 * forged value cannot blow up a label.
 */
export const MAX_CODE_LABEL_LENGTH = 64;

/** The code as a bounded label: kept when documented, `'other'` when not, `'none'` when absent. */
export function codeLabelOf(error: unknown): string {
  const code = read(error, 'code');
  if (typeof code !== 'string' || code === '') return 'none';
  return isDocumented(matchOf(error)) ? code.slice(0, MAX_CODE_LABEL_LENGTH) : 'other';
}

/** The user action of any value, the kind's default when it has no valid one. */
export function userActionOf(error: unknown): UserAction {
  const action = read(error, 'userAction');
  return typeof action === 'string' && actionSet.has(action) ? (action as UserAction) : KIND_DEFAULTS[kindOf(error)].userAction;
}

/** Whether any value says it is retryable, the kind's default when it does not say. */
export function retryableOf(error: unknown): boolean {
  const retryable = read(read(error, 'retry'), 'retryable');
  return typeof retryable === 'boolean' ? retryable : KIND_DEFAULTS[kindOf(error)].retryable;
}

/** The observed HTTP status of any value, when it is a valid one. */
export function statusOf(error: unknown): number | undefined {
  const status = read(error, 'status');
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}
