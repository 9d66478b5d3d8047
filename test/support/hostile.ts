/**
 * Hostile values and the table of every public function with what it must
 * answer: shared by the property suite (test/hostile.test.ts) and the long
 * fuzz run (`npm run fuzz`, scripts/fuzz.ts).
 */
import fc from 'fast-check';
import * as main from '../../src/index.js';
import * as authoring from '../../src/catalog/index.js';
import * as gateway from '../../src/gateway/index.js';
import * as messages from '../../src/messages/index.js';
import * as observability from '../../src/observability/index.js';
import * as testkit from '../../src/testkit/index.js';
import * as arbitraries from '../../src/testkit/arbitraries-entry.js';
import * as webhooks from '../../src/webhooks/index.js';
import * as resilience from '../../src/resilience/index.js';
import * as frameworks from '../../src/frameworks/index.js';
import * as widgets from '../../src/widgets/index.js';
import { allCatalogs } from '../../catalogs/all.js';
import { aerosync } from '../../catalogs/aerosync.js';
import { synapse } from '../../catalogs/synapse.js';
import { plaid } from '../../catalogs/plaid.js';
import { normalizedErrorSchema } from '../../src/schemas/normalized-error.js';

/** A proxy whose every trap throws. */
export function throwingProxy(): object {
  const boom = (): never => {
    throw new Error('trap');
  };
  return new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, apply: boom });
}

/** A proxy that was revoked before anyone read it. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function withThrowingGetters(keys: readonly string[]): object {
  const out = {};
  for (const key of keys) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get(): never {
        throw new Error(`getter ${key}`);
      },
    });
  }
  return out;
}

function cyclic(): object {
  const a: Record<string, unknown> = { kind: 'auth', error: {}, retry: {} };
  a['self'] = a;
  a['error'] = a;
  a['retry'] = a;
  return a;
}

function sparse(): unknown[] {
  // Writing the last index of an empty array makes it sparse without allocating its length.
  const array: unknown[] = [];
  array[2 ** 28 - 1] = ['retry-after', '1'];
  return array;
}

const FIELDS = [
  'kind',
  'provider',
  'code',
  'status',
  'message',
  'retry',
  'params',
  'match',
  'severity',
  'owner',
  'userAction',
  'reason',
  'scope',
  'endpoint',
  'error',
  'response',
  'config',
  'headers',
  'body',
  'id',
  'codes',
  'endpoints',
  'request',
  'normalizer',
  'attempt',
];

/**
 * A hostile value is built when the test calls it, not when fast-check
 * generates it: fast-check inspects what it generates, and a proxy whose traps
 * throw would break the generator itself.
 */
export type Hostile = () => unknown;

function maker(description: string, make: () => unknown): Hostile {
  return Object.assign(make, { [fc.toStringMethod]: () => description });
}

function plain(value: unknown): Hostile {
  return Object.assign(() => value, { [fc.toStringMethod]: () => fc.stringify(value) });
}

/** Values built to break code: proxies, throwing getters, null prototypes, cycles, sparse arrays, huge strings, prototype names. */
export const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }).map(plain),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'prototype', '', '{}', '[]', 'null', NaN, Infinity, -0, 1e308, 2 ** 53).map(plain),
  fc.constant(maker('a proxy whose traps throw', throwingProxy)),
  fc.constant(maker('a revoked proxy', revokedProxy)),
  fc.constant(maker('a cyclic object', cyclic)),
  fc.constant(maker('a sparse array of length 2^28', sparse)),
  fc.subarray(FIELDS, { minLength: 1 }).map((keys) => maker(`throwing getters for ${keys.join(', ')}`, () => withThrowingGetters(keys))),
  fc.nat({ max: 4 }).map((n) => maker(`"x{" repeated 10^${n} times`, () => 'x{'.repeat(10 ** n))),
  fc.dictionary(fc.constantFrom(...FIELDS, '__proto__'), fc.anything({ withNullPrototype: true }), { maxKeys: 8 }).map(plain),
  fc
    .record(
      {
        kind: fc.constantFrom(...main.KINDS, '__proto__', 'toString'),
        retry: fc.anything(),
        params: fc.anything(),
        message: fc.oneof(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    )
    .map(plain),
);

/** A JSON text of any nesting, to read as a body. */
export const hostileText: fc.Arbitrary<Hostile> = fc
  .oneof(fc.string(), fc.json(), fc.constantFrom('{', '{"error":', '\u0000', '<html>', '{"__proto__":{"error_code":"INVALID_API_KEYS"}}'))
  .map(plain);

const normalizer = main.createNormalizer([aerosync, synapse, plaid]);

/** Whether a value is a valid normalized error, and survives JSON. */
export function isNormalizedError(value: unknown): boolean {
  if (!normalizedErrorSchema.safeParse(value).success) return false;
  const json = JSON.parse(JSON.stringify(value)) as unknown;
  return normalizedErrorSchema.safeParse(json).success;
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
const isArray = (value: unknown): boolean => Array.isArray(value);
const isStatus = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
const isDelay = (value: unknown): boolean =>
  value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 2_147_483_647);

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';
const DETAIL_VALID: Readonly<Record<string, (event: Record<string, unknown>) => boolean>> = {
  'needs-reconnect': (e) => (main.KIND_DETAILS['reconnect-required'].values as readonly unknown[]).includes(e['reason']),
  expiring: (e) => optionalString(e['expiresAt']),
  revoked: (e) => e['scope'] === 'connection' || e['scope'] === 'accounts',
  pending: (e) => optionalString(e['step']),
  cancelled: (e) => optionalString(e['step']) && e['severity'] === 'info' && e['error'] === undefined,
  failed: (e) => ['error', 'institution-unsupported', 'institution-not-found', 'widget'].includes(e['reason'] as string),
};

/** Whether a value is a valid connection event (its state's detail included), and survives JSON. */
export function isConnectionEvent(value: unknown): boolean {
  if (!isObject(value)) return false;
  const e = value as Record<string, unknown>;
  const match = e['match'] as Record<string, unknown> | undefined;
  const connection = e['connection'] as Record<string, unknown> | undefined;
  const accounts = e['accounts'];
  return (
    main.isConnectionState(e['state']) &&
    isString(e['provider']) &&
    (e['provider'] as string).length <= 64 &&
    isString(e['event']) &&
    (e['event'] as string).length <= 128 &&
    (main.USER_ACTIONS as readonly unknown[]).includes(e['userAction']) &&
    (main.SEVERITIES as readonly unknown[]).includes(e['severity']) &&
    isObject(match) &&
    ['event', 'error', 'none'].includes(match?.['by'] as string) &&
    optionalString(match?.['source']) &&
    optionalString(match?.['description']) &&
    (connection === undefined || (isString(connection['type']) && isString(connection['id']) && connection['id'] !== '')) &&
    Array.isArray(accounts) &&
    accounts.length <= 64 &&
    accounts.every(isString) &&
    optionalString(e['user']) &&
    (e['at'] === undefined || (isString(e['at']) && Number.isFinite(Date.parse(e['at'] as string)))) &&
    (e['error'] === undefined || isNormalizedError(e['error'])) &&
    (DETAIL_VALID[e['state'] as string]?.(e) ?? true) &&
    isString(JSON.stringify(value))
  );
}

const webhookNormalizer = main.createNormalizer(allCatalogs);
const noKey = async (): Promise<undefined> => undefined;
const isWebhookResult = (value: unknown): boolean => {
  const result = value as { ok?: unknown; event?: unknown; reason?: unknown; message?: unknown; verified?: unknown };
  return result.ok === true
    ? isConnectionEvent(result.event) && isBoolean(result.verified)
    : result.ok === false && (webhooks.WEBHOOK_REJECTIONS as readonly unknown[]).includes(result.reason) && isString(result.message);
};
/** A receiver for a signing provider, given what no key holder signed: a valid rejection. */
const isRejection = (value: unknown): boolean => isWebhookResult(value) && (value as { ok: unknown }).ok === false;
const anyError = (error: unknown): boolean => error instanceof TypeError && error.message.startsWith('aggregator-errors: ');

/** What a public function is called with and what it must answer. */
export interface Contract {
  /** The entry point and export name, e.g. `gateway.toProblem`. */
  readonly name: string;
  /** Calls the function with hostile arguments; a promise is awaited. */
  readonly call: (a: unknown, b: unknown) => unknown;
  /** Whether the answer is of the documented type. */
  readonly valid: (answer: unknown) => boolean;
  /** A function whose documented contract is to throw this kind of error on invalid input (`defineCatalog`). */
  readonly throws?: (error: unknown) => boolean;
  /** Whether one call is slow whatever its input (a JSON Schema generated from zod): run it fewer times. */
  readonly slow?: boolean;
}

const problemValid = (answer: unknown): boolean => {
  const problem = answer as { status?: unknown; headers?: Record<string, unknown>; body?: Record<string, unknown> };
  return (
    isStatus(problem.status) &&
    problem.headers?.['content-type'] === 'application/problem+json' &&
    main.isKind(problem.body?.['kind']) &&
    isString(problem.body?.['detail']) &&
    isString(problem.body?.['title'])
  );
};

// aggregator-errors/resilience and /frameworks (issue 12): fixed partners for the hostile value.
const resilienceTimeout = gateway.fromError(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }), { provider: 'aerosync' });
const PLAN_ACTIONS: ReadonlySet<unknown> = new Set(['retry', 'poll-job', 'reconcile', 'stop']);
const isPlan = (value: unknown): boolean => {
  const plan = value as Record<string, unknown>;
  const limit = plan['rateLimit'] as Record<string, unknown> | undefined;
  return (
    isObject(value) &&
    PLAN_ACTIONS.has(plan['action']) &&
    isBoolean(plan['countsAgainstHealth']) &&
    isBoolean(plan['connectionBroken']) &&
    isBoolean(plan['mayHaveSucceeded']) &&
    isBoolean(plan['idempotent']) &&
    (plan['action'] === 'retry' || plan['action'] === 'poll-job'
      ? typeof plan['delayMs'] === 'number' && isDelay(plan['delayMs'])
      : isDelay(plan['retryAfterMs'])) &&
    isObject(limit) &&
    isDelay(limit?.['afterMs']) &&
    isBoolean(limit?.['quota'])
  );
};
const isSendResult = (value: unknown): boolean => {
  const result = value as Record<string, unknown>;
  return (
    isObject(value) &&
    typeof result['attempts'] === 'number' &&
    (result['outcome'] === 'error'
      ? isNormalizedError(result['error']) && isPlan(result['plan'])
      : result['outcome'] === 'response' || result['outcome'] === 'pending')
  );
};
/** A Fastify reply, a Node response and an Express next that record what the handlers did. */
function recorder(): {
  reply: frameworks.FastifyReplyLike;
  response: frameworks.NodeResponseLike;
  next: (error?: unknown) => void;
  seen: { status?: number; headers?: Record<string, string>; body?: unknown; next?: boolean };
} {
  const seen: { status?: number; headers?: Record<string, string>; body?: unknown; next?: boolean } = {};
  const reply: frameworks.FastifyReplyLike = {
    code: (status) => {
      seen.status = status;
      return reply;
    },
    headers: (values) => {
      seen.headers = { ...values };
      return reply;
    },
    send: (payload) => {
      seen.body = payload;
    },
  };
  const response: frameworks.NodeResponseLike = {
    headersSent: false,
    writeHead: (status, headers) => {
      seen.status = status;
      seen.headers = { ...headers };
    },
    end: (body) => {
      seen.body = body;
    },
  };
  return { reply, response, next: () => (seen.next = true), seen };
}
const isProblemJson = (status: unknown, headers: Record<string, string> | undefined, body: unknown): boolean => {
  const text = body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
  if (!isStatus(status) || headers?.['content-type'] !== 'application/problem+json' || typeof text !== 'string') return false;
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return parsed['status'] === status && isString(parsed['title']) && isString(parsed['type']);
};

/** Every public function of every entry point. */
export const CONTRACTS: readonly Contract[] = [
  { name: 'main.isKind', call: (a) => main.isKind(a), valid: isBoolean },
  { name: 'main.isConnectionState', call: (a) => main.isConnectionState(a), valid: isBoolean },
  { name: 'main.shouldPage', call: (a) => main.shouldPage(a as never), valid: isBoolean },
  { name: 'main.needsEndUser', call: (a) => main.needsEndUser(a as never), valid: isBoolean },
  { name: 'main.isRetryable', call: (a) => main.isRetryable(a as never), valid: isBoolean },
  { name: 'main.createNormalizer', call: (a, b) => main.createNormalizer(a as never).normalize(b as never), valid: isNormalizedError },
  { name: 'main.createNormalizer#normalize', call: (a) => normalizer.normalize(a as never), valid: isNormalizedError },
  { name: 'main.createNormalizer#pending', call: (a) => normalizer.pending(a as never), valid: (v) => v === undefined || isObject(v) },
  {
    name: 'main.AggregatorError',
    call: (a, b) => new main.AggregatorError(a as never, b as never),
    valid: (v) => v instanceof Error && isNormalizedError((v as main.AggregatorError).error) && isString(JSON.stringify(v)),
  },
  { name: 'main.AggregatorError.is', call: (a) => main.AggregatorError.is(a), valid: isBoolean },
  {
    name: 'catalog.defineCatalog',
    call: (a) => authoring.defineCatalog(a as never),
    valid: isObject,
    throws: (error) => error instanceof authoring.CatalogError && error.problems.length > 0,
  },
  {
    name: 'catalog.CatalogError',
    call: (a) => new authoring.CatalogError(a as never),
    valid: (v) => v instanceof Error && Array.isArray((v as authoring.CatalogError).problems),
  },
  {
    name: 'catalog.parseCatalog',
    call: (a) => authoring.parseCatalog(a),
    valid: (v) => isObject(v) && ((v as { ok: boolean }).ok === true || (v as { problems: unknown[] }).problems.length > 0),
  },
  { name: 'catalog.leanCatalog', call: (a) => authoring.leanCatalog(a as never), valid: (v) => v === null || typeof v !== 'function' },
  { name: 'catalog.catalogJsonSchema', call: () => authoring.catalogJsonSchema(), valid: isObject, slow: true },
  { name: 'catalog.normalizedErrorJsonSchema', call: () => authoring.normalizedErrorJsonSchema(), valid: isObject, slow: true },
  { name: 'catalog.problemBodyJsonSchema', call: () => authoring.problemBodyJsonSchema(), valid: isObject, slow: true },
  {
    name: 'gateway.readResponse',
    call: (a, b) => gateway.readResponse(a as never, b as never),
    valid: (v) => isObject(v) && isString((v as { provider: unknown }).provider),
  },
  {
    name: 'gateway.fromResponse',
    call: (a, b) => gateway.fromResponse(a as never, { ...(isObject(b) ? {} : {}), normalizer, provider: 'plaid', request: b as never }),
    valid: isNormalizedError,
  },
  { name: 'gateway.readError', call: (a, b) => gateway.readError(a, b as never), valid: (v) => v === undefined || isObject(v) },
  { name: 'gateway.fromError', call: (a, b) => gateway.fromError(a, b as never), valid: isNormalizedError },
  { name: 'gateway.networkFailure', call: (a) => gateway.networkFailure(a), valid: (v) => v === undefined || isObject(v) },
  {
    name: 'gateway.retryDecision',
    call: (a, b) => gateway.retryDecision(a as never, b as never),
    valid: (v) => {
      const decision = v as { action?: unknown; delayMs?: unknown; retryAfterMs?: unknown };
      return decision.action === 'stop'
        ? isDelay(decision.retryAfterMs)
        : (decision.action === 'retry' || decision.action === 'poll-job') && typeof decision.delayMs === 'number' && isDelay(decision.delayMs);
    },
  },
  { name: 'gateway.isSuccess', call: (a, b) => gateway.isSuccess(a as never, b as never), valid: isBoolean },
  { name: 'gateway.isSuccess#catalogs', call: (a) => gateway.isSuccess(a as never, { normalizer, provider: 'synapse' }), valid: isBoolean },
  { name: 'gateway.problemStatus', call: (a) => gateway.problemStatus(a as never), valid: isStatus },
  { name: 'gateway.toProblem', call: (a, b) => gateway.toProblem(a as never, b as never), valid: problemValid },
  { name: 'gateway.parseRetryAfter', call: (a, b) => gateway.parseRetryAfter(a, b as never), valid: isDelay },
  {
    name: 'messages.renderMessage',
    call: (a, b) => messages.renderMessage(a, b as never),
    valid: (v) => {
      const m = v as { title?: unknown; body?: unknown; action?: { kind?: unknown; label?: unknown } };
      return isString(m.title) && (m.title as string).length > 0 && isString(m.body) && isString(m.action?.kind) && isString(m.action?.label);
    },
  },
  { name: 'messages.isProblemBody', call: (a) => messages.isProblemBody(a), valid: isBoolean },
  {
    name: 'observability.errorLabels',
    call: (a, b) => observability.errorLabels(a as never, b as never),
    valid: (v) => isObject(v) && Object.values(v as object).every((label) => isString(label) && (label as string).length <= 128),
  },
  {
    name: 'observability.errorAttributes',
    call: (a) => observability.errorAttributes(a as never),
    valid: (v) =>
      isObject(v) && Object.entries(v as object).every(([k, x]) => k.startsWith('aggregator.') && ['string', 'number', 'boolean'].includes(typeof x)),
  },
  {
    name: 'observability.clientSpanAttributes',
    call: (a) => observability.clientSpanAttributes(a as never),
    valid: (v) =>
      isObject(v) &&
      main.isKind((v as Record<string, unknown>)['error.type']) &&
      Object.values(v as object).every((x) => ['string', 'number', 'boolean'].includes(typeof x)),
  },
  {
    name: 'observability.connectionEventLabels',
    call: (a, b) => observability.connectionEventLabels(a as never, b as never),
    valid: (v) =>
      isObject(v) &&
      main.isConnectionState((v as { state: unknown }).state) &&
      Object.values(v as object).every((label) => isString(label) && (label as string).length <= 64),
  },
  {
    name: 'observability.logFields',
    call: (a, b) => observability.logFields(a as never, b as never),
    valid: (v) => isObject(v) && isString((v as { message: unknown }).message) && (v as { message: string }).message.length <= 65_536 + 1,
  },
  {
    name: 'observability.alertRoute',
    call: (a) => observability.alertRoute(a as never),
    valid: (v) => isObject(v) && isString((v as { group: unknown }).group),
  },
  {
    name: 'observability.prometheusRules',
    call: (a, b) => observability.prometheusRules(a as never, b as never),
    valid: isString,
    throws: (error) => error instanceof TypeError && error.message.startsWith('aggregator-errors: '),
  },
  {
    name: 'observability.connectionEventRules',
    call: (a, b) => observability.connectionEventRules(a as never, b as never),
    valid: (v) => isString(v) && !/state="cancelled"/.test(v as string),
    throws: (error) => error instanceof TypeError && error.message.startsWith('aggregator-errors: '),
  },
  { name: 'testkit.rowFixtures', call: (a) => testkit.rowFixtures(a as never), valid: isArray },
  { name: 'testkit.codeFixtures', call: (a) => testkit.codeFixtures(a as never), valid: isArray },
  { name: 'testkit.errorBody', call: (a, b) => testkit.errorBody(a as never, b as never), valid: isString },
  {
    name: 'arbitraries.documentedResponse',
    call: (a) => fc.sample(arbitraries.documentedResponse(a as never), { numRuns: 1, seed: 42 }),
    valid: isArray,
    throws: (error) => error instanceof TypeError && error.message.startsWith('aggregator-errors: '),
  },
  { name: 'arbitraries.hostileResponse', call: (a) => fc.sample(arbitraries.hostileResponse(a as never), { numRuns: 1, seed: 42 }), valid: isArray },
  // aggregator-errors/webhooks and its testkit (issue 8, server side).
  { name: 'webhooks.webhookEvent', call: (a, b) => webhooks.webhookEvent(a, b as never), valid: isConnectionEvent },
  {
    name: 'webhooks.webhookEvent#classified',
    call: (a, b) => webhooks.webhookEvent(a, { provider: isString(b) ? (b as string) : 'plaid', normalizer: webhookNormalizer }),
    valid: isConnectionEvent,
  },
  {
    name: 'webhooks.plaidWebhookEvent',
    call: (a, b) => webhooks.plaidWebhookEvent(a, { normalizer: isObject(b) ? (b as never) : webhookNormalizer }),
    valid: isConnectionEvent,
  },
  {
    name: 'webhooks.plaidLinkEvents',
    call: (a) => webhooks.plaidLinkEvents(a, { normalizer: webhookNormalizer }),
    valid: (v) => isArray(v) && (v as unknown[]).every(isConnectionEvent),
  },
  { name: 'webhooks.mxWebhookEvent', call: (a) => webhooks.mxWebhookEvent(a, { normalizer: webhookNormalizer }), valid: isConnectionEvent },
  { name: 'webhooks.tellerWebhookEvent', call: (a) => webhooks.tellerWebhookEvent(a, { normalizer: webhookNormalizer }), valid: isConnectionEvent },
  { name: 'webhooks.finicityWebhookEvent', call: (a) => webhooks.finicityWebhookEvent(a, { normalizer: webhookNormalizer }), valid: isConnectionEvent },
  { name: 'webhooks.yodleeWebhookEvent', call: (a) => webhooks.yodleeWebhookEvent(a, { normalizer: webhookNormalizer }), valid: isConnectionEvent },
  { name: 'webhooks.aerosyncWebhookEvent', call: (a) => webhooks.aerosyncWebhookEvent(a, { normalizer: webhookNormalizer }), valid: isConnectionEvent },
  { name: 'webhooks.synapseWebhookEvent', call: (a, b) => webhooks.synapseWebhookEvent(a, b as never), valid: isConnectionEvent },
  {
    name: 'webhooks.receiveWebhook',
    call: (a, b) => webhooks.receiveWebhook(a as never, b as never, { provider: 'plaid', getKey: noKey, normalizer: webhookNormalizer }),
    valid: isRejection,
  },
  { name: 'webhooks.receiveWebhook#options', call: (a, b) => webhooks.receiveWebhook('{}', a as never, b as never), valid: isWebhookResult },
  {
    name: 'webhooks.receivePlaidWebhook',
    call: (a, b) => webhooks.receivePlaidWebhook(a as never, b as never, { getKey: noKey, normalizer: webhookNormalizer }),
    valid: isRejection,
  },
  {
    name: 'webhooks.receiveFinicityWebhook',
    call: (a, b) => webhooks.receiveFinicityWebhook(a as never, b as never, { secret: 'secret', normalizer: webhookNormalizer }),
    valid: isRejection,
  },
  {
    name: 'webhooks.receiveAerosyncWebhook',
    call: (a, b) => webhooks.receiveAerosyncWebhook(a as never, b as never, { secret: 'secret', normalizer: webhookNormalizer }),
    valid: isRejection,
  },
  {
    name: 'webhooks.receiveTellerWebhook',
    call: (a, b) => webhooks.receiveTellerWebhook(a as never, b as never, { secret: 'secret', normalizer: webhookNormalizer }),
    valid: isRejection,
  },
  { name: 'webhooks.plaidKeyCache', call: (a) => webhooks.plaidKeyCache(a as never), valid: (v) => typeof v === 'function' },
  { name: 'testkit.webhookFixtures', call: (a) => testkit.webhookFixtures(a as never), valid: isArray },
  {
    name: 'testkit.signWebhook',
    call: (a) => testkit.signWebhook(a as never),
    valid: (v) => isObject(v) && (v as Record<string, unknown>)['content-type'] === 'application/json',
    throws: anyError,
  },
  {
    name: 'testkit.createPlaidTestKey',
    call: (a) => testkit.createPlaidTestKey(a as never),
    valid: (v) => isObject(v) && isString((v as { kid: unknown }).kid),
  },
  { name: 'arbitraries.hostileWebhook', call: (a) => fc.sample(arbitraries.hostileWebhook(a as never), { numRuns: 1, seed: 42 }), valid: isArray },
  // aggregator-errors/widgets, the event renderer and their testkit (issue 8, frontend side): the callback, the
  // payload and the options are hostile in turn; a normalizer rides along in the #classified runs.
  ...(['plaidLinkEvent', 'mxConnectEvent', 'tellerConnectEvent', 'finicityConnectEvent', 'yodleeFastLinkEvent', 'aerosyncWidgetEvent'] as const).flatMap(
    (name): Contract[] => [
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every widget reader, by name, is the point
      { name: `widgets.${name}`, call: (a, b) => widgets[name](a as never, b, a as never), valid: isConnectionEvent },
      {
        name: `widgets.${name}#classified`,
        // biome-ignore lint/performance/noDynamicNamespaceImportAccess: as above
        call: (a, b) => widgets[name](isString(a) ? (a as string) : 'message', b, { normalizer: webhookNormalizer }),
        valid: isConnectionEvent,
      },
    ],
  ),
  {
    name: 'messages.renderConnectionEvent',
    call: (a, b) => messages.renderConnectionEvent(a, b as never),
    valid: (v) => {
      const m = v as { title?: unknown; body?: unknown; action?: { kind?: unknown; label?: unknown } } | undefined;
      return (
        m === undefined ||
        (isString(m.title) &&
          (m.title as string).trim() !== '' &&
          isString(m.body) &&
          (main.USER_ACTIONS as readonly unknown[]).includes(m.action?.kind) &&
          isString(m.action?.label))
      );
    },
  },
  { name: 'testkit.widgetFixtures', call: (a) => testkit.widgetFixtures(a as never), valid: (v) => isArray(v) && (v as unknown[]).length > 0 },
  { name: 'arbitraries.hostileWidgetInput', call: (a) => fc.sample(arbitraries.hostileWidgetInput(a as never), { numRuns: 1, seed: 42 }), valid: isArray },
  // aggregator-errors/resilience (issue 12).
  {
    name: 'resilience.createRetryBudget',
    call: (a, b) => {
      const budget = resilience.createRetryBudget(a as never);
      const grant = budget.acquire(b as never, a as never);
      budget.failure(b as never);
      budget.success(b as never, (grant ?? a) as never);
      budget.states();
      return budget.state(b as never);
    },
    valid: (v) => {
      const state = v as { tokens?: unknown; maxTokens?: unknown; retrying?: unknown };
      return (
        typeof state.tokens === 'number' &&
        typeof state.maxTokens === 'number' &&
        state.tokens >= 0 &&
        state.tokens <= state.maxTokens &&
        isBoolean(state.retrying)
      );
    },
  },
  {
    name: 'resilience.readRateLimit',
    call: (a, b) => resilience.readRateLimit(a as never, b as never),
    valid: (v) => isObject(v) && isDelay((v as { afterMs: unknown }).afterMs) && isBoolean((v as { quota: unknown }).quota),
  },
  {
    name: 'resilience.readRateLimit#catalogs',
    call: (a, b) => resilience.readRateLimit(a as never, { headers: b as never, catalogs: allCatalogs }),
    valid: (v) => isObject(v) && isDelay((v as { afterMs: unknown }).afterMs),
  },
  {
    name: 'resilience.idempotencyOf',
    call: (a) => resilience.idempotencyOf(a as never),
    valid: (v) =>
      isObject(v) &&
      isBoolean((v as { idempotent: unknown }).idempotent) &&
      ((v as { key: unknown }).key === undefined || isString((v as { key: unknown }).key)),
  },
  { name: 'resilience.planRetry', call: (a, b) => resilience.planRetry(a as never, b as never), valid: isPlan },
  {
    name: 'resilience.planRetry#budget',
    call: (a) => resilience.planRetry(resilienceTimeout, { attempt: 1, budget: resilience.createRetryBudget(), request: a as never }),
    valid: isPlan,
  },
  { name: 'resilience.countsAgainstHealth', call: (a) => resilience.countsAgainstHealth(a as never), valid: isBoolean },
  { name: 'resilience.providerError', call: (a, b) => resilience.providerError(a, b as never), valid: (v) => v === undefined || isNormalizedError(v) },
  {
    name: 'resilience.providerError#named',
    call: (a) => resilience.providerError(a, { provider: 'aerosync', normalizer }),
    valid: (v) => v === undefined || isNormalizedError(v),
  },
  { name: 'resilience.healthFilter', call: (a, b) => resilience.healthFilter(a as never)(b), valid: isBoolean },
  { name: 'resilience.opossumErrorFilter', call: (a, b) => resilience.opossumErrorFilter(a as never)(b), valid: isBoolean },
  { name: 'resilience.retryFilter', call: (a, b) => resilience.retryFilter(a as never)(b), valid: isBoolean },
  {
    name: 'resilience.retryAfterBackoff',
    call: (a, b) =>
      resilience
        .retryAfterBackoff(a as never)
        .next(b as never)
        .next(b as never),
    valid: (v) =>
      isObject(v) &&
      typeof (v as { duration: unknown }).duration === 'number' &&
      isDelay((v as { duration: unknown }).duration) &&
      typeof (v as { next: unknown }).next === 'function',
  },
  // The options are hostile with a timeout behind them (backoff: nothing is waited); or the context is, with no wait accepted.
  {
    name: 'resilience.pRetryShouldRetry',
    call: (a) => resilience.pRetryShouldRetry(a as never)({ error: new main.AggregatorError(resilienceTimeout), attemptNumber: 1 }),
    valid: isBoolean,
  },
  { name: 'resilience.pRetryShouldRetry#context', call: (a) => resilience.pRetryShouldRetry({ maxWaitMs: 0 })(a as never), valid: isBoolean },
  { name: 'resilience.sendWithRetries', call: (a) => resilience.sendWithRetries(a as never), valid: isSendResult },
  {
    name: 'resilience.sendWithRetries#send',
    call: (a, b) =>
      resilience.sendWithRetries({
        provider: 'aerosync',
        normalizer,
        request: b as never,
        send: async () => a as never,
        retry: { maxAttempts: 1 },
        timeoutMs: 1000,
      }),
    valid: isSendResult,
  },
  // aggregator-errors/frameworks (issue 12): the handler a factory makes, given a hostile error.
  {
    name: 'frameworks.fastifyErrorHandler',
    call: (a, b) => {
      const { reply, seen } = recorder();
      frameworks.fastifyErrorHandler(a as never)(b, {}, reply);
      return seen;
    },
    valid: (v) => {
      const seen = v as { status?: number; headers?: Record<string, string>; body?: unknown };
      return isProblemJson(seen.status, seen.headers, seen.body);
    },
  },
  {
    name: 'frameworks.expressErrorHandler',
    call: (a, b) => {
      const { response, next, seen } = recorder();
      frameworks.expressErrorHandler(a as never)(b, {}, response, next);
      return seen;
    },
    valid: (v) => {
      const seen = v as { status?: number; headers?: Record<string, string>; body?: unknown; next?: boolean };
      return seen.next === true ? seen.status === undefined : isProblemJson(seen.status, seen.headers, seen.body);
    },
  },
  {
    name: 'frameworks.honoErrorHandler',
    call: async (a, b) => {
      const response = await frameworks.honoErrorHandler(a as never)(b, {});
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    },
    valid: (v) => {
      const seen = v as { status?: number; headers?: Record<string, string>; body?: unknown };
      return isProblemJson(seen.status, seen.headers, seen.body);
    },
  },
];

/**
 * Functions tested apart, with sockets or real servers rather than hostile
 * values: the simulator (test/testkit-simulator.test.ts, test/hardening.test.ts)
 * and the arbitraries, which build fast-check generators from catalogs.
 */
export const TESTED_APART: readonly string[] = ['testkit.startSimulator', 'testkit.sendWebhook'];

/** The public functions of every entry point, by `entry.name`. */
export function publicFunctions(): string[] {
  const entries: Record<string, Record<string, unknown>> = {
    main,
    resilience,
    frameworks,
    catalog: authoring,
    gateway,
    messages,
    observability,
    testkit,
    arbitraries,
    webhooks,
    widgets,
  };
  return Object.entries(entries).flatMap(([entry, module]) =>
    Object.entries(module)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => `${entry}.${name}`),
  );
}

/** Runs one contract on arguments (values, or hostile values to build first): the answer, or why it broke it. */
export async function check(contract: Contract, a: unknown, b: unknown): Promise<string | undefined> {
  let answer: unknown;
  const built = (value: unknown): unknown => (typeof value === 'function' && fc.toStringMethod in value ? (value as unknown as () => unknown)() : value);
  try {
    answer = await contract.call(built(a), built(b));
  } catch (error) {
    if (contract.throws?.(error) === true) return undefined;
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  try {
    return contract.valid(answer) ? undefined : `answered an invalid value: ${String(JSON.stringify(answer)).slice(0, 200)}`;
  } catch (error) {
    return `answered a value that cannot be checked: ${String(error)}`;
  }
}
