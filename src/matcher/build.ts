import type { NormalizedError } from '../taxonomy/normalized-error.js';
import type { DetailedKind, KIND_DETAILS } from '../taxonomy/details.js';
import type { CompiledCatalog, CompiledEndpoint, Meaning } from './compile.js';
import { scrubUrls } from '../util/redact.js';
import { matchTemplate } from './template-match.js';

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const NO_CAUSES: readonly NormalizedError[] = Object.freeze([]);

/** Everything read from one input, in one object. */
export interface Observed {
  provider: string;
  catalog: CompiledCatalog | undefined;
  status: number | undefined;
  code: string | undefined;
  message: string | undefined;
  displayMessage: string | undefined;
  category: string | undefined;
  body: object | undefined;
  unreadable: boolean;
  requested: boolean;
  endpoint: CompiledEndpoint | undefined;
  endpointId: string | undefined;
  params: Record<string, string> | undefined;
  requestId: string | undefined;
  retryAfterMs: number | undefined;
  documentationUrl: string | undefined;
  suggestedAction: string | undefined;
  causes: readonly NormalizedError[] | undefined;
}

export function blank(provider: string): Observed {
  return {
    provider,
    catalog: undefined,
    status: undefined,
    code: undefined,
    message: undefined,
    displayMessage: undefined,
    category: undefined,
    body: undefined,
    unreadable: false,
    requested: false,
    endpoint: undefined,
    endpointId: undefined,
    params: undefined,
    requestId: undefined,
    retryAfterMs: undefined,
    documentationUrl: undefined,
    suggestedAction: undefined,
    causes: undefined,
  };
}

function mergeParams(read: Record<string, string>, sent: Record<string, string>): Record<string, string> {
  for (const name in read) if (!Object.hasOwn(sent, name)) return { ...read, ...sent };
  return sent;
}

/** Builds the normalized error of a meaning from what was observed: the one place errors are made. */
export function build(meaning: Meaning, o: Observed, documented: boolean, pendingStep?: string): NormalizedError {
  let params = o.params;
  if (meaning.template !== undefined && o.message !== undefined) {
    const read = matchTemplate(meaning.template, o.message);
    // Path parameters are what was sent; they win over text read back from a message.
    if (read !== undefined) params = params === undefined ? read : mergeParams(read, params);
  }
  // Text a provider sends may quote a request URL: every URL in it loses its credentials.
  const error: Record<string, unknown> = {
    kind: meaning.kind,
    provider: o.provider,
    status: o.status,
    code: o.code,
    message: o.message === undefined ? (meaning.message ?? '') : scrubUrls(o.message),
    displayMessage: o.displayMessage === undefined ? undefined : scrubUrls(o.displayMessage),
    endpoint: o.endpointId,
    params: params ?? EMPTY_PARAMS,
    requestId: o.requestId,
    documentationUrl: o.documentationUrl,
    suggestedAction: o.suggestedAction === undefined ? undefined : scrubUrls(o.suggestedAction),
    causes: o.causes ?? NO_CAUSES,
    retry: o.retryAfterMs === undefined ? meaning.retry : { ...meaning.retry, afterMs: o.retryAfterMs, afterSource: 'retry-after' },
    userAction: meaning.userAction,
    owner: meaning.owner,
    severity: meaning.severity,
    match: documented ? meaning.exact : meaning.drift,
  };
  // Named stores: each keeps its own object shape, where a computed key would not
  // (DETAIL_FIELDS below fails to compile when a kind gains another detail field).
  const field = meaning.detailField;
  if (field === 'reason') error['reason'] = meaning.detail;
  else if (field === 'scope') error['scope'] = meaning.detail;
  else if (meaning.kind === 'unknown') error['pending'] = pendingStep;
  return error as unknown as NormalizedError;
}

// Every detail field a kind carries, written by name in build().
const DETAIL_FIELDS: { readonly [F in (typeof KIND_DETAILS)[DetailedKind]['field']]: true } = { reason: true, scope: true };
void DETAIL_FIELDS;
