import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { arrayItems, own } from '../util/own.js';
import { widgetFixtures, type WidgetProvider } from './widget-fixtures.js';

/**
 * A widget callback as a broken SDK, a bridge or a hostile page may deliver it:
 * any callback name, any payload (documented ones with fields swapped for
 * hostile values, the React Native bridge's `{}` and `""`, JSON text cut short,
 * malformed WebView URLs, huge strings, throwing getters).
 *
 * @public
 */
export interface HostileWidgetInput {
  /** The widget's provider. */
  readonly provider: WidgetProvider;
  /** The callback name: usually a documented one, sometimes any value. */
  readonly callback: unknown;
  /** The payload: anything. */
  readonly payload: unknown;
}

/**
 * Options of {@link hostileWidgetInput}.
 *
 * @public
 */
export interface HostileWidgetOptions {
  /**
   * The widgets to draw from.
   *
   * @defaultValue every widget: `['plaid', 'mx', 'teller', 'finicity', 'yodlee', 'aerosync']`
   */
  readonly providers?: readonly WidgetProvider[];
  /**
   * Whether to include strings over the adapters' 256 KiB message limit (built once).
   *
   * @defaultValue true
   */
  readonly huge?: boolean;
}

const PROVIDERS: readonly WidgetProvider[] = ['plaid', 'mx', 'teller', 'finicity', 'yodlee', 'aerosync'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

function throwingGetter(name: string): object {
  return Object.defineProperty({}, name, {
    enumerable: true,
    get(): never {
      throw new Error(`hostile getter ${name}`);
    },
  });
}

let hugeStrings: readonly string[] | undefined;

function huge(): readonly string[] {
  hugeStrings ??= [
    `{"type":"mx/connect/memberStatusUpdate","metadata":{"member_guid":"${'x'.repeat(300 * 1024)}"}}`,
    `X | Code: AC-117 | Message: ${'m'.repeat(300 * 1024)}`,
    `mx://connect/${'a'.repeat(300 * 1024)}`,
  ];
  return hugeStrings;
}

/** A copy of a JSON-like value with one leaf (number `pick`, modulo the count of leaves) replaced. */
function replaceLeaf(value: unknown, pick: number, replacement: unknown): unknown {
  let index = 0;
  let count = 0;
  const countLeaves = (node: unknown): void => {
    if (typeof node === 'object' && node !== null) for (const child of Object.values(node)) countLeaves(child);
    else count++;
  };
  countLeaves(value);
  const target = count === 0 ? -1 : pick % count;
  const copy = (node: unknown): unknown => {
    if (typeof node === 'object' && node !== null) {
      const out: Record<string, unknown> | unknown[] = Array.isArray(node) ? [] : {};
      for (const [key, child] of Object.entries(node)) (out as Record<string, unknown>)[key] = copy(child);
      return out;
    }
    return index++ === target ? replacement : node;
  };
  return target < 0 ? replacement : copy(value);
}

/**
 * Random hostile widget callbacks for every adapter of `aggregator-errors/widgets`:
 * each must answer a valid connection event, never a throw.
 *
 * @example
 * ```ts
 * test.prop([hostileWidgetInput()])('never throws', ({ provider, callback, payload }) => {
 *   expect(() => adapters[provider](callback as string, payload)).not.toThrow();
 * });
 * ```
 *
 * @public
 */
export function hostileWidgetInput(options?: HostileWidgetOptions): Arbitrary<HostileWidgetInput> {
  const given = arrayItems(own(options, 'providers'), 16).filter(
    (id): id is WidgetProvider => typeof id === 'string' && (PROVIDERS as readonly string[]).includes(id),
  );
  const providers = given.length > 0 ? given : PROVIDERS;
  const fixtures = widgetFixtures().filter((fixture) => providers.includes(fixture.provider));
  const text = fc.oneof(
    fc.string({ maxLength: 64 }),
    fc.constantFrom(...PROTO_KEYS, '', ' ', '{}', '[]', 'null'),
    fc.string({ unit: 'binary', maxLength: 32 }),
  );
  const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withSparseArray: true, withBigInt: true });
  const leaf = fc.oneof(
    text,
    anyValue,
    fc.integer(),
    fc.double(),
    fc.constantFrom<unknown>(
      {},
      '',
      null,
      [],
      -1,
      22,
      1e21,
      Number.NaN,
      '6',
      'DENIED',
      'E701',
      'AC-117',
      'INVALID_CREDENTIALS',
      'institution_not_supported',
      'mx://',
      'atrium://memberAdded/%E0%A4%A',
    ),
    fc.constant(throwingGetter('code')),
  );
  const documented = fc.constantFrom(...fixtures);
  const mutated = fc.tuple(documented, fc.nat(), leaf).map(([fixture, pick, replacement]) => ({
    provider: fixture.provider,
    callback: fixture.callback as unknown,
    payload: replaceLeaf(fixture.payload, pick, replacement),
  }));
  const strings = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 256 }),
    documented
      .map((fixture) => JSON.stringify(fixture.payload) ?? '')
      .chain((json) => fc.nat({ max: Math.max(json.length, 1) }).map((cut) => json.slice(0, cut))),
    fc.constantFrom(
      'mx://connect/memberStatusUpdate?metadata=%7B',
      'mx://connect/memberStatusUpdate?metadata=%E0%A4%A',
      'mx://?&&==',
      'mx://connect/oauthError?error_reason=__proto__',
      'atrium://',
      '|||',
      ' | Code: | Message: ',
      'A | Code: __proto__ | Message: x',
      `${'|'.repeat(10_000)}`,
      `${' '.repeat(10_000)}| Code: AR-100 |`,
      '{"type":"__proto__","metadata":{"__proto__":{"connection_status":2}}}',
      '{"type":"POST_MESSAGE","data":{"action":"exit","fnToCall":"errorHandler"}}',
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '\u0000\uffff\ud800',
    ),
  );
  const payloads: Arbitrary<unknown>[] = [
    strings,
    anyValue,
    fc.constant(throwingGetter('metadata')),
    fc.constant(throwingGetter('error')),
    fc.constant(Object.freeze(Object.create(null) as object)),
  ];
  if (own(options, 'huge') !== false) payloads.push(fc.constantFrom(...huge()));
  const callbacks = fc.oneof(
    { weight: 4, arbitrary: documented.map((fixture) => fixture.callback as unknown) },
    {
      weight: 1,
      arbitrary: fc.oneof(text, anyValue, fc.constantFrom<unknown>('message', 'onEvent', 'onExit', 'onError', 'onMemberStatusUpdate', 'onAccountCreated')),
    },
  );
  const random = fc.record({ provider: fc.constantFrom(...providers), callback: callbacks, payload: fc.oneof(...payloads) });
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: random });
}
