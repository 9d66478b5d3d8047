/**
 * One regression test per finding of the adversarial review (issue 9), most
 * serious first. Each failed before its fix; the property suite in
 * test/hostile.test.ts then drives every public function with hostile values.
 */
import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer, type NormalizedError } from '../src/index.js';
import { defineCatalog, parseCatalog, type CatalogInput } from '../src/catalog/index.js';
import { fromError, fromResponse, parseRetryAfter, readError, readResponse, retryDecision, toProblem } from '../src/gateway/index.js';
import { renderMessage } from '../src/messages/index.js';
import { errorLabels, logFields, clientSpanAttributes } from '../src/observability/index.js';
import { rowFixtures, startSimulator } from '../src/testkit/index.js';
import { triggered } from '../src/testkit/simulate.js';
import { normalizeStream } from '../src/cli/normalize-stream.js';
import { templateProblems } from '../src/catalog/message-template.js';
import { readHeaders } from '../src/matcher/headers.js';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { plaid } from '../catalogs/plaid.js';

const normalizer = createNormalizer([aerosync, synapse, plaid]);
const DOCS = 'https://docs.example.com/errors';
const minimal = { id: 'x', name: 'X', source: DOCS } as const;

function problemsOf(value: unknown): string[] {
  const result = parseCatalog(value);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

/** Milliseconds a call takes, for ratio checks between sizes (never an absolute bound). */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('1. credentials never reach messages, log fields or JSON through client error messages', () => {
  const secretUrl = 'https://user:hunter2@api.aerosync.com/v2/accounts/u-1?access_token=tok-123&client_id=cid-9&x=1';
  const undici = [
    new TypeError(`Request cannot be constructed from a URL that includes credentials: ${secretUrl}`),
    new TypeError('fetch failed', { cause: new TypeError(`Failed to parse URL from ${secretUrl}`) }),
  ];

  test.each(undici.map((error) => [error.message, error] as const))('%s', (_name, error) => {
    const normalized = fromError(error, { normalizer, provider: 'aerosync' });
    const surfaces = [
      normalized.message,
      JSON.stringify(normalized),
      JSON.stringify(logFields(normalized)),
      JSON.stringify(new AggregatorError(normalized, { cause: error })),
    ];
    for (const text of surfaces) {
      expect(text).not.toMatch(/hunter2|tok-123|cid-9|user:/);
    }
    expect(normalized.message).toContain('https://api.aerosync.com/v2/accounts/u-1?x=1');
  });

  test('a provider message that quotes a URL with a token is scrubbed too', () => {
    const error = normalizer.normalize({ provider: 'aerosync', status: 400, body: { error: { code: 'AC-100', message: `bad request to ${secretUrl}.` } } });
    expect(error.message).toBe('bad request to https://api.aerosync.com/v2/accounts/u-1?x=1.');
  });
});

describe('2. __proto__ keys are rejected wherever they stand, and defineCatalog returns the validated value', () => {
  const positions: [string, (bad: object) => object][] = [
    ['codes', (bad) => ({ ...minimal, codes: bad })],
    ['categories', (bad) => ({ ...minimal, categories: bad })],
    ['statuses', (bad) => ({ ...minimal, statuses: bad })],
    ['endpoints', (bad) => ({ ...minimal, endpoints: bad })],
    ['baseUrls', (bad) => ({ ...minimal, baseUrls: bad })],
    ['body.constant', (bad) => ({ ...minimal, body: { constant: bad } })],
  ];
  test.each(positions)('in %s', (where, place) => {
    const bad = JSON.parse('{"__proto__": {"kind": "auth", "severity": "wake-the-ceo", "source": "https://x.example/"}}') as object;
    expect(problemsOf(place(bad))).toEqual([
      `${where}.__proto__: "__proto__" is not allowed as a key (it would reach the prototype of every object built from the catalog)`,
    ]);
  });

  test('defineCatalog returns the validated copy, never the object it was given', () => {
    const input = { ...minimal, codes: { A: { kind: 'auth', source: DOCS } } } satisfies CatalogInput;
    const catalog = defineCatalog(input);
    expect(catalog).not.toBe(input);
    expect(catalog).toEqual(input);
    expect(Object.isFrozen(input)).toBe(false);
  });
});

describe('3. CLI normalize keeps memory flat when stderr reads slowly', () => {
  test('bad-line reports wait for the report stream to drain', async () => {
    let written = 0;
    let maxPending = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        setImmediate(done);
      },
    });
    const lines = Array.from({ length: 200 }, () => 'not json\n'.repeat(100));
    const input = Readable.from(lines);
    const output = new PassThrough();
    output.resume();
    const timer = setInterval(() => {
      maxPending = Math.max(maxPending, slow.writableLength);
    }, 1);
    const counts = await normalizeStream(input, output, normalizer, { reports: { stream: slow, format: (line, reason) => `${line}: ${reason}\n` } });
    clearInterval(timer);
    expect(counts.failed).toBe(20_000);
    await once(slow.end(), 'finish');
    expect(written).toBeGreaterThan(20_000 * 10);
    // Reports wait in memory for about one input chunk at a time, never for the whole run.
    const perChunk = written / lines.length;
    expect(maxPending).toBeLessThan(3 * perChunk);
  });
});

describe('4. bounded time: work grows with the size of what is read, never faster', () => {
  test('a sparse header array of length 2^28 is not walked element by element', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 28;
    sparse[2 ** 28 - 1] = ['retry-after', '5'];
    const small: unknown[] = [['x', '1']];
    const big = timed(() => readHeaders(sparse, ['x-request-id']));
    const tiny = timed(() => readHeaders(small, ['x-request-id']));
    expect(big).toBeLessThan(tiny + 50);
  });

  test('joinUrl on a baseURL ending in many slashes is linear', () => {
    const axiosLike = (slashes: number) => ({ isAxiosError: true, config: { baseURL: `https://api.aerosync.com${'/'.repeat(slashes)}`, url: '/v2/token' } });
    const small = timed(() => fromError(axiosLike(4096), { normalizer, provider: 'aerosync' }));
    const large = timed(() => fromError(axiosLike(65_536), { normalizer, provider: 'aerosync' }));
    // 16x the input: a quadratic pattern takes about 256x as long.
    expect(large).toBeLessThan(Math.max(small, 1) * 64);
  });

  test('template checks are linear in distinct placeholders', () => {
    const template = (n: number): string => Array.from({ length: n }, (_, i) => `{p${i}} x`).join(' ');
    const small = timed(() => templateProblems(template(2_000)));
    const large = timed(() => templateProblems(template(32_000)));
    expect(large).toBeLessThan(Math.max(small, 1) * 64);
  });

  test('the simulator suffix trigger is linear on a custom catalog', () => {
    const trigger = { field: 'user', value: 'a{code}', compare: 'suffix', description: 'd', source: DOCS } as const;
    const value = (n: number): { user: string } => ({ user: `${'a'.repeat(n)}!` });
    const small = timed(() => triggered(trigger, value(1000)));
    const large = timed(() => triggered(trigger, value(1000)));
    expect(large).toBeLessThan(Math.max(small, 1) * 64);
    expect(triggered(trigger, { user: 'xxa_CODE-1' })).toBe('_CODE-1');
  });
});

describe('5. parseCatalog answers problems for any input whatsoever', () => {
  test('a 5,000-level nested body.constant', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    expect(problemsOf({ ...minimal, body: { constant: { deep } } })[0]).toMatch(/nests deeper than 32 levels/);
  });

  test('a 4 MB pathPrefix', () => {
    expect(problemsOf({ ...minimal, pathPrefix: `/${'a'.repeat(4 * 1024 * 1024)}!` })).toEqual(['pathPrefix: must be at most 65536 characters (has 4194306)']);
  });

  test('getters, proxies, revoked proxies and a cyclic constant', () => {
    const getter = {
      ...minimal,
      get name(): string {
        throw new Error('boom');
      },
    };
    expect(problemsOf(getter)).toContain('name: is a getter or setter: a catalog is plain data');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problemsOf({ ...minimal, codes: proxy })).toEqual(['codes: could not be read (a revoked proxy or a trap that throws)']);
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect(problemsOf(trap)).toEqual(['(catalog): could not be read (a revoked proxy or a trap that throws)']);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(problemsOf({ ...minimal, body: { constant: cyclic } })).toEqual([
      'body.constant.self: refers back to an object that contains it (a cycle): a catalog is a tree of plain data',
    ]);
  });
});

describe('6. reads follow own properties only', () => {
  test('a body with an inherited error_code does not classify by it', () => {
    const body = Object.create({ error_code: 'INVALID_API_KEYS', error_type: 'INVALID_INPUT' }) as object;
    expect(normalizer.normalize({ provider: 'plaid', status: 400, body })).toMatchObject({ code: undefined });
  });

  test('a polluted Object.prototype does not turn an empty body into a paging error', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['error_code'] = 'INVALID_API_KEYS';
    proto['error_type'] = 'INVALID_INPUT';
    try {
      const error = normalizer.normalize({ provider: 'plaid', status: 400, body: '{}' });
      expect(error).toMatchObject({ code: undefined, severity: 'ticket' });
      expect(error.kind).not.toBe('auth');
    } finally {
      delete proto['error_code'];
      delete proto['error_type'];
    }
  });
});

describe('7. the gateway helpers never throw', () => {
  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      has: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('trap');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('trap');
      },
    },
  );
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();

  test('a Proxy as axios config.params and a non-string request url', () => {
    const error = { isAxiosError: true, response: { status: 500, data: {} }, config: { url: '/v2/token', params: throwing } };
    expect(() => readError(error, { provider: 'aerosync' })).not.toThrow();
    expect(fromError({ code: 'ECONNRESET' }, { normalizer, provider: 'aerosync', request: { url: 42 as unknown as string } })).toMatchObject({
      kind: 'provider-unavailable',
    });
  });

  test.each([
    ['a throwing proxy', throwing],
    ['a revoked proxy', revoked],
    ['null', null],
    ['an empty object', {}],
  ] as const)('retryDecision, toProblem, fromError, fromResponse and AggregatorError with %s', async (_name, value) => {
    expect(retryDecision(value as never, { attempt: 1 })).toMatchObject({ action: 'stop' });
    expect(
      retryDecision({ retry: { retryable: true, afterMs: undefined, afterSource: undefined, waitForJob: false, mayHaveSucceeded: false } }, value as never),
    ).toMatchObject({ action: 'stop' });
    expect(toProblem(value as never)).toMatchObject({ status: 502, body: { kind: 'unknown' } });
    expect(toProblem({ kind: 'auth' } as NormalizedError, value as never).status).toBe(502);
    expect(fromError(value, value as never)).toMatchObject({ kind: 'unknown' });
    await expect(fromResponse(value as never, value as never)).resolves.toMatchObject({ kind: 'unknown' });
    expect(new AggregatorError(value as never).error.kind).toBe('unknown');
    expect(AggregatorError.is(value)).toBe(false);
  });

  test.each(['__proto__', 'toString', 'constructor'])('toProblem with kind %s reads no prototype', (kind) => {
    const problem = toProblem({ kind } as unknown as NormalizedError);
    expect(problem).toMatchObject({ status: 502, body: { kind: 'unknown', title: 'Unexpected provider error' } });
    expect(Number.isInteger(problem.status)).toBe(true);
  });
});

describe('8. every answer is a value', () => {
  test('retryDecision stays finite with baseMs 0 past attempt 1024', () => {
    const retry = { retryable: true, afterMs: undefined, afterSource: undefined, waitForJob: false, mayHaveSucceeded: false } as const;
    for (const attempt of [1025, 5000, 1e9]) {
      const decision = retryDecision({ retry }, { attempt, baseMs: 0, maxAttempts: 1e12, random: () => 0.5 });
      expect(decision).toMatchObject({ action: 'retry', delayMs: 0 });
    }
  });

  test('parseRetryAfter never answers Infinity', () => {
    expect(parseRetryAfter(1e308)).toBe(2_147_483_647);
    expect(parseRetryAfter('9999999999')).toBe(2_147_483_647);
  });

  test('renderMessage reads kind once: a getter cannot make it return an undefined title', () => {
    let reads = 0;
    const flaky = {
      get kind(): string {
        reads++;
        return reads === 1 ? 'auth' : '__nope__';
      },
    };
    const message = renderMessage(flaky);
    expect(typeof message.title).toBe('string');
    expect(message.title.length).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(1);
  });
});

describe('9. headers as a Map keyed Retry-After are read', () => {
  test('normalize and readResponse', async () => {
    const headers = new Map([
      ['Retry-After', '7'],
      ['X-Request-Id', 'r-1'],
    ]);
    expect(normalizer.normalize({ provider: 'aerosync', status: 429, headers }).retry.afterMs).toBe(7000);
    const input = await readResponse({ status: 429, headers }, { provider: 'aerosync' });
    expect(input.headers).toMatchObject({ 'retry-after': '7', 'x-request-id': 'r-1' });
  });
});

describe('10. readResponse always settles', () => {
  test('a stream of empty chunks stops, and an abort signal fires', async () => {
    const empty = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(0)) });
    await expect(readResponse({ status: 500, body: empty }, { provider: 'aerosync' })).resolves.toMatchObject({ status: 500 });
    const again = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(new Uint8Array(0)) });
    await expect(readResponse({ status: 500, body: again }, { provider: 'aerosync', signal: AbortSignal.timeout(20) })).resolves.toMatchObject({ status: 500 });
  });

  test('a trickling body is cut at the default time bound or timeoutMs', async () => {
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(new TextEncoder().encode('x'));
      },
    });
    const start = performance.now();
    const input = await readResponse({ status: 502, body: trickle }, { provider: 'aerosync', timeoutMs: 100 });
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(typeof input.body).toBe('string');
  });

  test('a response-like with only text() is not read when it declares a body over maxBytes', async () => {
    let read = false;
    const big = {
      status: 500,
      headers: { 'content-length': String(64 * 1024 * 1024) },
      text: async () => {
        read = true;
        return 'x';
      },
    };
    const input = await readResponse(big, { provider: 'aerosync', maxBytes: 1024 });
    expect(read).toBe(false);
    expect(input.body).toBeUndefined();
  });
});

describe('11. the simulator answers odd simulation values without hanging a client', () => {
  test('CR/LF, NUL or non-Latin-1 in x-simulate-retry-after, and the log keeps no token', async () => {
    const sim = await startSimulator({ catalogs: [aerosync] });
    try {
      for (const bad of ['1%0D%0AX-Evil: 1', '1%00', '%E2%98%83']) {
        const response = await fetch(`${sim.baseUrl('aerosync')}/v2/accounts/u-1/balance?x-simulate=429&x-simulate-retry-after=${bad}&access_token=tok-9`);
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBeNull();
        await response.text();
      }
      expect(JSON.stringify(sim.requests())).not.toContain('tok-9');
    } finally {
      await sim.close();
    }
  });
});

describe('12. smaller findings', () => {
  test('a raw path as endpoint never becomes a metric label', () => {
    const foreign = { kind: 'not-found', provider: 'aerosync', endpoint: 'GET /accounts/u-42/balance', match: { by: 'row' } };
    expect(errorLabels(foreign as unknown as NormalizedError).endpoint).toBe('unknown');
    expect(errorLabels({ ...foreign, endpoint: 'GET /accounts/{user_id}/balance' } as unknown as NormalizedError).endpoint).toBe(
      'GET /accounts/{user_id}/balance',
    );
  });

  test('rowFixtures never renders an inherited member as a placeholder value', () => {
    const catalog = defineCatalog({
      ...minimal,
      body: { code: ['error.code'], message: ['error.message'] },
      codes: { A: { kind: 'not-found', message: 'No {toString} here', source: DOCS } },
      endpoints: { 'GET /a': { source: DOCS, rows: [{ status: 404, code: 'A' }] } },
    });
    const body = rowFixtures(catalog)[0]?.input.body ?? '';
    expect(body).not.toContain('native code');
    expect(body).toContain('sample-toString');
  });

  test('observability readers answer for proxies', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(errorLabels(proxy as never)).toMatchObject({ kind: 'unknown', provider: 'other' });
    expect(logFields(proxy as never)).toMatchObject({ kind: 'unknown' });
    expect(clientSpanAttributes(proxy as never)).toMatchObject({ 'error.type': 'unknown' });
  });
});
