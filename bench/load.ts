/**
 * A load test over loopback, bounded in count and time: the example gateway in
 * front of the simulator, which answers a mix of documented errors, 429s with
 * Retry-After, hangs and resets. It reports the gateway's added latency
 * (p50/p99) against a bare proxy in the same process, interleaved; the requests
 * sent to the provider per client request (retry amplification) with and
 * without the retry budget; and that no non-idempotent request that may have
 * succeeded was sent twice. Every count comes from the simulator's own request
 * log, not from the gateway.
 *
 * Run alone: bundle with esbuild and run node on it, or `npm run bench` (which calls `runLoad`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { aerosync } from '../catalogs/aerosync.js';
import { synapse } from '../catalogs/synapse.js';
import { startGateway } from '../examples/gateway.js';
import { GRPC_RETRY_THROTTLING, createRetryBudget, type RetryBudget } from '../src/resilience/index.js';
import { startSimulator, type Simulator } from '../src/testkit/index.js';

/** One kind of client request in the mix. */
interface Shape {
  readonly name: string;
  readonly weight: number;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  /** A non-idempotent request whose failure may have done the work: it must reach the provider exactly once. */
  readonly sendOnce: boolean;
}

const MIX: readonly Shape[] = [
  { name: 'success', weight: 50, method: 'GET', headers: {}, sendOnce: false },
  { name: 'documented AC-104 (reconnect)', weight: 5, method: 'GET', headers: { 'x-simulate': '400 AC-104' }, sendOnce: false },
  { name: 'documented AC-106 (fi paused sharing)', weight: 3, method: 'GET', headers: { 'x-simulate': '400 AC-106' }, sendOnce: false },
  {
    name: 'documented AC-108 (one user locked, Retry-After 30)',
    weight: 4,
    method: 'GET',
    headers: { 'x-simulate': '429 AC-108', 'x-simulate-retry-after': '30' },
    sendOnce: false,
  },
  {
    name: '429 Retry-After 1, once',
    weight: 3,
    method: 'GET',
    headers: { 'x-simulate': '429', 'x-simulate-retry-after': '1', 'x-simulate-times': '1' },
    sendOnce: false,
  },
  { name: '429 Retry-After 120', weight: 4, method: 'GET', headers: { 'x-simulate': '429', 'x-simulate-retry-after': '120' }, sendOnce: false },
  { name: '503, once', weight: 8, method: 'GET', headers: { 'x-simulate': '503', 'x-simulate-times': '1' }, sendOnce: false },
  { name: '503 AC-500, always', weight: 5, method: 'GET', headers: { 'x-simulate': '503' }, sendOnce: false },
  { name: 'GET hang', weight: 4, method: 'GET', headers: { 'x-simulate': 'hang' }, sendOnce: false },
  { name: 'GET reset', weight: 4, method: 'GET', headers: { 'x-simulate': 'reset' }, sendOnce: false },
  { name: 'POST hang (no key)', weight: 3, method: 'POST', headers: { 'x-simulate': 'hang' }, sendOnce: true },
  { name: 'POST reset (no key)', weight: 3, method: 'POST', headers: { 'x-simulate': 'reset' }, sendOnce: true },
  { name: 'POST 500 (no key)', weight: 2, method: 'POST', headers: { 'x-simulate': '500' }, sendOnce: true },
  { name: 'POST hang with Idempotency-Key', weight: 2, method: 'POST', headers: { 'x-simulate': 'hang', 'idempotency-key': 'load-key' }, sendOnce: false },
];

const TIMEOUT_MS = 100;
const RETRY = { baseMs: 2, capMs: 10, maxAttempts: 3 } as const;
// The simulator keeps its last 256 requests: a batch never sends more (at most 3 attempts each).
const BATCH = 80;
const CONCURRENCY = 16;
const LATENCY_PAIRS = 1500;
const MIXED_REQUESTS = 800;
const FAILING_REQUESTS = 2000;
const DEADLINE_MS = 180_000;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** A bare proxy: the same fetch to the same upstream, no classification, no retries, no framework. */
async function startBareProxy(upstreams: Readonly<Record<string, string>>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const incoming = new URL(req.url ?? '/', 'http://bare.invalid');
      const [, provider = '', ...rest] = incoming.pathname.split('/');
      const upstream = upstreams[provider];
      if (upstream === undefined) return void res.writeHead(404).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
      try {
        const response = await fetch(`${upstream}/${rest.join('/')}${incoming.search}`, {
          method: req.method ?? 'GET',
          ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        res
          .writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' })
          .end(Buffer.from(await response.arrayBuffer()));
      } catch {
        res.writeHead(502).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function timed(url: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return performance.now() - started;
}

/** Runs `count` requests in batches, `CONCURRENCY` at a time; counts the provider's requests per client request from its own log. */
async function drive(
  sim: Simulator,
  gatewayUrl: string,
  tag: string,
  count: number,
  shapeOf: (i: number) => Shape,
  deadline: number,
): Promise<{
  readonly clients: number;
  readonly upstream: number;
  readonly twice: number;
  readonly byShape: Map<string, { clients: number; upstream: number }>;
}> {
  let upstream = 0;
  let twice = 0;
  let clients = 0;
  const byShape = new Map<string, { clients: number; upstream: number }>();
  for (let start = 0; start < count && Date.now() < deadline; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    const paths = new Map<string, Shape>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batch.length) {
          const i = batch[next++] ?? 0;
          const shape = shapeOf(i);
          const user = `${tag}-${i}`;
          const path = `/v2/accounts/${user}/${shape.method === 'GET' ? 'balance' : 'refresh'}`;
          paths.set(path, shape);
          const headers = { ...shape.headers, ...(shape.headers['idempotency-key'] === undefined ? {} : { 'idempotency-key': `key-${user}` }) };
          const response = await fetch(`${gatewayUrl}/aerosync${path}`, {
            method: shape.method,
            headers,
            ...(shape.method === 'POST' ? { body: '{}' } : {}),
            signal: AbortSignal.timeout(10_000),
          }).catch(() => undefined);
          await response?.arrayBuffer().catch(() => undefined);
        }
      }),
    );
    const seen = new Map<string, number>();
    for (const request of sim.requests()) if (paths.has(request.path)) seen.set(request.path, (seen.get(request.path) ?? 0) + 1);
    for (const [path, shape] of paths) {
      const n = seen.get(path) ?? 0;
      upstream += n;
      clients++;
      if (shape.sendOnce && n > 1) twice++;
      const entry = byShape.get(shape.name) ?? { clients: 0, upstream: 0 };
      entry.clients++;
      entry.upstream += n;
      byShape.set(shape.name, entry);
    }
  }
  return { clients, upstream, twice, byShape };
}

function shapeAt(i: number): Shape {
  const total = MIX.reduce((sum, shape) => sum + shape.weight, 0);
  // A fixed, spread order: every run sends the same mix.
  let at = (i * 37) % total;
  for (const shape of MIX) {
    if (at < shape.weight) return shape;
    at -= shape.weight;
  }
  return MIX[0] as Shape;
}

const ALWAYS_503: Shape = { name: '503 always', weight: 1, method: 'GET', headers: { 'x-simulate': '503' }, sendOnce: false };

/**
 * Runs the load test and returns the lines of its report.
 *
 * @example
 * ```ts
 * for (const line of await runLoad()) console.log(line);
 * ```
 */
export async function runLoad(): Promise<string[]> {
  const lines: string[] = [];
  const deadline = Date.now() + DEADLINE_MS;
  const sim = await startSimulator({ catalogs: [aerosync, synapse], hangMs: 2_000 });
  const upstreams = { aerosync: sim.baseUrl('aerosync'), synapse: sim.baseUrl('synapse') };
  const gatewayWith = (budget: RetryBudget | false): ReturnType<typeof startGateway> =>
    startGateway({ upstreams, timeoutMs: TIMEOUT_MS, retry: RETRY, budget });
  const bare = await startBareProxy(upstreams);
  const latencyGateway = await gatewayWith(createRetryBudget());
  try {
    // 1. Added latency on the success path: gateway and bare proxy in turn, the order alternating.
    const gatewayTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      await timed(`${latencyGateway.url}/aerosync/v2/accounts/warm-${i}/balance`);
      await timed(`${bare.url}/aerosync/v2/accounts/warm-${i}/balance`);
    }
    for (let i = 0; i < LATENCY_PAIRS && Date.now() < deadline; i++) {
      const first = i % 2 === 0;
      const a = first ? await timed(`${latencyGateway.url}/aerosync/v2/accounts/l-${i}/balance`) : undefined;
      bareTimes.push(await timed(`${bare.url}/aerosync/v2/accounts/l-${i}/balance`));
      gatewayTimes.push(a ?? (await timed(`${latencyGateway.url}/aerosync/v2/accounts/l-${i}/balance`)));
    }
    const [g50, g99, b50, b99] = [percentile(gatewayTimes, 0.5), percentile(gatewayTimes, 0.99), percentile(bareTimes, 0.5), percentile(bareTimes, 0.99)];
    lines.push(
      `gateway added latency on success (${gatewayTimes.length} interleaved pairs over loopback): p50 +${(g50 - b50).toFixed(3)} ms (${g50.toFixed(3)} vs bare proxy ${b50.toFixed(3)}), p99 +${(g99 - b99).toFixed(3)} ms (${g99.toFixed(3)} vs ${b99.toFixed(3)})`,
    );

    // 2. Retry amplification on the mix, with and without the budget.
    for (const [label, budget] of [
      ['with the retry budget (AWS standard numbers)', createRetryBudget()],
      ['without a budget', false],
    ] as const) {
      const gateway = await gatewayWith(budget);
      const started = Date.now();
      const run = await drive(sim, gateway.url, `mix-${budget === false ? 'none' : 'aws'}`, MIXED_REQUESTS, shapeAt, deadline);
      await gateway.close();
      lines.push(
        `mixed traffic ${label}: ${(run.upstream / run.clients).toFixed(3)} provider requests per client request (${run.upstream} for ${run.clients}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      const once = [...run.byShape].filter(([name]) => MIX.find((shape) => shape.name === name)?.sendOnce === true);
      lines.push(
        `  non-idempotent requests that may have succeeded, sent more than once: ${run.twice} of ${once.reduce((sum, [, entry]) => sum + entry.clients, 0)} (${once.map(([name, entry]) => `${name}: ${entry.upstream}/${entry.clients}`).join('; ')})`,
      );
      const keyed = run.byShape.get('POST hang with Idempotency-Key');
      if (keyed !== undefined)
        lines.push(`  POST with an idempotency key that hangs (retried, same key): ${(keyed.upstream / keyed.clients).toFixed(2)} attempts each`);
    }

    // 3. A provider that fails every request: the budget must keep amplification under 1.1x.
    for (const [label, budget] of [
      ['AWS standard budget (500 tokens, 5 per retry)', createRetryBudget()],
      ['gRPC A6 throttling (10 tokens, 0.1 per success)', createRetryBudget({ ...GRPC_RETRY_THROTTLING })],
      ['no budget', false],
    ] as const) {
      const gateway = await gatewayWith(budget);
      const run = await drive(sim, gateway.url, `down-${label.split(' ')[0]}`, FAILING_REQUESTS, () => ALWAYS_503, deadline);
      await gateway.close();
      const ratio = run.upstream / run.clients;
      const verdict = budget === false ? '' : ratio < 1.1 ? ' (under 1.1x: ok)' : ' (OVER the 1.1x budget)';
      const state =
        budget === false
          ? ''
          : `; bucket after: ${budget.state('aerosync').tokens.toFixed(1)} tokens, ${budget.state('aerosync').granted} retries granted, ${budget.state('aerosync').refused} refused`;
      lines.push(`provider failing every request, ${label}: ${ratio.toFixed(3)}x (${run.upstream} provider requests for ${run.clients})${verdict}${state}`);
    }
    if (Date.now() >= deadline) lines.push(`stopped at the ${DEADLINE_MS / 1000} s deadline: counts above are partial`);
  } finally {
    await Promise.all([latencyGateway.close(), bare.close(), sim.close()]);
  }
  return lines;
}

if (process.argv[1] !== undefined && /load\.[cm]?[jt]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runLoad().then(
    (lines) => {
      for (const line of lines) console.log(line);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
