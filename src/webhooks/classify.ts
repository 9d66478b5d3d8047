/**
 * The decisions every webhook adapter shares: classifying a status or an error
 * a webhook carries with the caller's normalizer (so an event and the HTTP
 * error behind it agree), and the state an error implies for a connection.
 */
import { connectionEvent, type EventFacts } from '../connections/build.js';
import type { ConnectionEvent, ConnectionState, EventMatch } from '../connections/event.js';
import { isKind } from '../taxonomy/kinds.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { arrayItems, own } from '../util/own.js';
import type { WebhookNormalizer } from './options.js';

/** What a status or an error of a webhook says, once classified by the catalogs. */
export interface Classified {
  /** The documented error it is, or an error of a documented category whose code is new. */
  readonly error: NormalizedError | undefined;
  /** The pending step it announces (an MFA question), when it is one. */
  readonly step: string | undefined;
}

const NOTHING: Classified = { error: undefined, step: undefined };
const MAX_CODE_CHARS = 128;

function validError(value: unknown): NormalizedError | undefined {
  return isKind(own(value, 'kind')) && typeof own(own(value, 'match'), 'by') === 'string' ? (value as NormalizedError) : undefined;
}

/**
 * Classifies a bare code (a member's `connection_status`, a Teller reason, an
 * aggregation status code): its pending step, else its documented error; a code
 * no catalog documents gives neither, so the event's own table decides.
 */
export function classifyCode(normalizer: WebhookNormalizer | undefined, provider: string, code: string | undefined): Classified {
  if (normalizer === undefined || code === undefined || code === '') return NOTHING;
  const capped = code.length > MAX_CODE_CHARS ? code.slice(0, MAX_CODE_CHARS) : code;
  try {
    const step = normalizer.pending?.({ provider, code: capped });
    const name = own(step, 'step');
    if (typeof name === 'string' && name !== '') return { error: undefined, step: name.slice(0, MAX_CODE_CHARS) };
  } catch {
    // A caller's normalizer that throws classifies nothing.
  }
  try {
    const error = validError(normalizer.normalize({ provider, code: capped }));
    return error === undefined || error.match.by === 'none' ? NOTHING : { error, step: undefined };
  } catch {
    return NOTHING;
  }
}

/**
 * Classifies an error object a webhook carries (Plaid's `error`), read as the
 * provider's error body; `undefined` when there is none, or when it names no code
 * and nothing documented matched.
 */
export function classifyBody(normalizer: WebhookNormalizer | undefined, provider: string, body: unknown): NormalizedError | undefined {
  if (normalizer === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  try {
    const error = validError(normalizer.normalize({ provider, body }));
    return error === undefined || (error.match.by === 'none' && error.code === undefined) ? undefined : error;
  } catch {
    return undefined;
  }
}

/** The end-user actions that mean the user, not time or an operator, fixes the connection. */
const END_USER_ACTIONS: ReadonlySet<UserAction> = new Set<UserAction>([
  'reconnect',
  'reenter-credentials',
  'visit-institution',
  'restart-mfa',
  'link-another-account',
]);

/**
 * The state a classified error puts a connection in: the user must act
 * (`needs-reconnect`), or the data is late and nobody at the user's end acts
 * (`degraded`: the institution, the provider or an operator must); `undefined`
 * for an `unknown` error, which leaves the state to the event's own meaning.
 */
export function stateOfError(error: NormalizedError): 'needs-reconnect' | 'degraded' | undefined {
  if (error.kind === 'unknown') return undefined;
  if (error.kind === 'reconnect-required' || error.kind === 'mfa-expired') return 'needs-reconnect';
  return END_USER_ACTIONS.has(error.userAction) ? 'needs-reconnect' : 'degraded';
}

/** A connection event of a state known only at run time, from the one builder. */
export function eventIn(state: ConnectionState, facts: EventFacts): ConnectionEvent {
  return connectionEvent(state, facts) as ConnectionEvent;
}

/** The match of an event classified by its documented table row. */
export function byEvent(source: string, description: string): EventMatch {
  return { by: 'event', source, description };
}

/** The match of an event whose state the error it carries decided. */
export function byError(error: NormalizedError): EventMatch {
  return { by: 'error', source: error.match.source, description: error.match.description };
}

/** One documented event of a provider's webhooks: the table row its state comes from. */
export interface EventRow {
  /** The state the event means, before any error it carries refines it. */
  readonly state: ConnectionState;
  /** The documented meaning, condensed from the source. */
  readonly description: string;
  /** The first-party page or file that documents it. */
  readonly source: string;
  /** Where the sources disagree or are incomplete, and how it was resolved. */
  readonly note?: string;
}

/** A string or a finite number as text, capped; `undefined` otherwise. */
export function textOf(value: unknown, max = 256): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > max ? value.slice(0, max) : value;
}

/** The ids of a list (strings or numbers), at most `max` of them. */
export function idsOf(value: unknown, max = 64, key?: string): string[] {
  const out: string[] = [];
  for (const item of arrayItems(value, max)) {
    const id = textOf(key === undefined ? item : own(item, key));
    if (id !== undefined) out.push(id);
  }
  return out;
}

/** A lookup table over own keys only: an event named `__proto__` or `constructor` is just unknown. */
export function table<R>(rows: Readonly<Record<string, R>>): ReadonlyMap<string, R> {
  return new Map(Object.entries(rows));
}
