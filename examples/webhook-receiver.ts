/**
 * An example webhook receiver on a bare node:http server: it verifies each
 * provider's signature on the raw body, turns the webhook into a connection
 * event, and acts on it: shows or clears the "reconnect your bank" banner of a
 * connection, pages only for what every user feels, and never alerts on a cancel.
 *
 * Run it (after `npm run build`, or with any TypeScript runner):
 * `node .tools/examples/webhook-receiver.js` starts it with test keys and fires
 * every documented webhook at it, signed as each provider signs, then prints
 * the banners it holds.
 *
 * In an application, import from 'aggregator-errors', 'aggregator-errors/webhooks'
 * and 'aggregator-errors/catalogs/<id>' instead of the relative paths below.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNormalizer, type ConnectionEvent } from '../src/index.js';
import { aerosync } from '../catalogs/aerosync.js';
import { finicity } from '../catalogs/finicity.js';
import { mx } from '../catalogs/mx.js';
import { plaid } from '../catalogs/plaid.js';
import { synapse } from '../catalogs/synapse.js';
import { teller } from '../catalogs/teller.js';
import { yodlee } from '../catalogs/yodlee.js';
import {
  receiveWebhook,
  WEBHOOK_PROVIDERS,
  type PlaidKeyLookup,
  type ReceiveWebhookOptions,
  type WebhookNormalizer,
  type WebhookProvider,
  type WebhookRejection,
} from '../src/webhooks/index.js';
import { createPlaidTestKey, sendWebhook, webhookFixtures } from '../src/testkit/index.js';

/** What the receiver verifies each provider's webhooks with; a provider left out is answered 404. */
export interface ReceiverOptions {
  /** Plaid: the key lookup (in production `plaidKeyCache({ fetchKey })` over `/webhook_verification_key/get`). */
  readonly plaid?: { readonly getKey: PlaidKeyLookup };
  /** Finicity / Mastercard: your Partner Secret. */
  readonly finicity?: { readonly secret: string };
  /** Aerosync: the secret_key of your webhook subscription. */
  readonly aerosync?: { readonly secret: string };
  /** Teller: the signing secret (or the current and the previous one while rotating). */
  readonly teller?: { readonly secret: string | readonly string[] };
  /** MX, Yodlee and Synapse document no payload signature: list the ones whose endpoint you protect otherwise (secret path, allow list, mutual TLS). */
  readonly unsigned?: readonly ('mx' | 'yodlee' | 'synapse')[];
  /** Classifies the errors webhooks carry. @defaultValue every catalog of the providers above */
  readonly normalizer?: WebhookNormalizer;
  /** Called with every accepted event, after the receiver acted on it (for your own processing). */
  readonly onEvent?: (event: ConnectionEvent) => void;
  /** One log line per delivery: no body, no header, no id (they are the provider's data). @defaultValue console.log */
  readonly log?: (line: string) => void;
}

/** A banner the app shows for one connection. */
export interface Banner {
  readonly provider: string;
  readonly state: 'needs-reconnect' | 'expiring' | 'revoked' | 'new-accounts';
  readonly userAction: ConnectionEvent['userAction'];
  readonly reason: string | undefined;
  readonly expiresAt: string | undefined;
}

/** What to do about one event: the pure decision, apart from the server that carries it out. */
export interface Decision {
  /** Show (or update) the connection's banner, clear it, or leave it as it is. */
  readonly banner: 'show' | 'clear' | 'keep';
  /** Page someone, open a ticket, or only count it. */
  readonly alert: 'page' | 'ticket' | 'none';
}

/**
 * What a connection event asks of an app: the user acts (show the banner), the
 * connection works again (clear it), or nothing changes; page only when the
 * event's severity says every user is affected, and never on a cancel.
 */
export function decide(event: ConnectionEvent): Decision {
  const alert = event.state === 'cancelled' ? 'none' : event.severity === 'page' ? 'page' : event.severity === 'ticket' ? 'ticket' : 'none';
  switch (event.state) {
    case 'needs-reconnect':
    case 'expiring':
    case 'revoked':
    case 'new-accounts':
      return { banner: 'show', alert };
    case 'recovered':
    case 'connected':
      return { banner: 'clear', alert };
    case 'cancelled':
      // The user left the widget: never an error, never an alert, and no banner of its own.
      return { banner: 'keep', alert: 'none' };
    case 'degraded':
    case 'pending':
    case 'failed':
    case 'info':
      return { banner: 'keep', alert };
  }
}

/** The HTTP status a rejection is answered with: the provider retries a 5xx, and gives up on a 4xx. */
function statusOf(reason: WebhookRejection): number {
  switch (reason) {
    case 'too-large':
      return 413;
    case 'unreadable-body':
      return 400;
    case 'key-unavailable':
    case 'replay-check-failed':
      return 503;
    case 'not-configured':
      return 404;
    case 'replayed':
      // Already accepted once: acknowledge, so the provider stops resending, and do nothing.
      return 204;
    default:
      return 401;
  }
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DELIVERY_IDS = 10_000;

/** Reads the raw body, the exact bytes the provider signed; `undefined` past the limit. */
async function rawBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A running receiver. */
export interface Receiver {
  /** Its origin, e.g. `http://127.0.0.1:49152`; providers POST to `<url>/webhooks/<provider>`. */
  readonly url: string;
  /** The banners shown now, by `<provider>:<connection id>`. */
  banners(): ReadonlyMap<string, Banner>;
  /** The alerts raised, oldest first. */
  alerts(): readonly { readonly level: 'page' | 'ticket'; readonly provider: string; readonly event: string }[];
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts the example receiver on a loopback port (0 picks a free one). */
export async function startWebhookReceiver(options: ReceiverOptions, port = 0): Promise<Receiver> {
  const normalizer = options.normalizer ?? createNormalizer([plaid, mx, teller, finicity, yodlee, aerosync, synapse]);
  const log = options.log ?? ((line: string) => console.log(line));
  const banners = new Map<string, Banner>();
  const alerts: { level: 'page' | 'ticket'; provider: string; event: string }[] = [];
  // Deliveries are at least once: a delivery id seen before is acknowledged and not acted on again.
  const delivered = new Set<string>();

  function optionsFor(provider: WebhookProvider): ReceiveWebhookOptions | undefined {
    switch (provider) {
      case 'plaid':
        return options.plaid === undefined ? undefined : { provider, normalizer, getKey: options.plaid.getKey };
      case 'finicity':
      case 'aerosync':
      case 'teller': {
        const secret = options[provider]?.secret;
        return secret === undefined ? undefined : { provider, normalizer, secret };
      }
      default:
        return options.unsigned?.includes(provider) === true ? { provider, normalizer } : undefined;
    }
  }

  function act(event: ConnectionEvent): void {
    const { banner, alert } = decide(event);
    const key = event.connection === undefined ? undefined : `${event.provider}:${event.connection.id}`;
    if (key !== undefined && banner === 'clear') banners.delete(key);
    if (
      key !== undefined &&
      banner === 'show' &&
      (event.state === 'needs-reconnect' || event.state === 'expiring' || event.state === 'revoked' || event.state === 'new-accounts')
    ) {
      banners.set(key, {
        provider: event.provider,
        state: event.state,
        userAction: event.userAction,
        reason: event.state === 'needs-reconnect' ? event.reason : undefined,
        expiresAt: event.state === 'expiring' ? event.expiresAt : undefined,
      });
    }
    if (alert !== 'none') alerts.push({ level: alert, provider: event.provider, event: event.event });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/webhooks\/([a-z]+)$/.exec(new URL(req.url ?? '/', 'http://receiver.invalid').pathname);
    const provider = WEBHOOK_PROVIDERS.find((id) => id === match?.[1]);
    const receive = provider === undefined ? undefined : optionsFor(provider);
    if (req.method !== 'POST' || provider === undefined || receive === undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = await rawBody(req);
    if (body === undefined) {
      res.writeHead(413, { connection: 'close' }).end();
      req.socket.destroy();
      return;
    }
    const result = await receiveWebhook(body, req.headers, receive);
    if (!result.ok) {
      log(`webhook ${provider} rejected: ${result.reason}`);
      res.writeHead(statusOf(result.reason)).end();
      return;
    }
    const duplicate = result.deliveryId !== undefined && delivered.has(`${provider}:${result.deliveryId}`);
    if (result.deliveryId !== undefined && !duplicate) {
      if (delivered.size >= MAX_DELIVERY_IDS) delivered.clear();
      delivered.add(`${provider}:${result.deliveryId}`);
    }
    log(
      `webhook ${provider} ${result.event.event}: ${result.event.state} (${result.event.severity}${duplicate ? ', duplicate' : ''}${result.verified ? '' : ', unsigned'})`,
    );
    if (!duplicate) {
      act(result.event);
      options.onEvent?.(result.event);
    }
    // MX asks for 204 No Content; every provider takes any 2xx as delivered.
    res.writeHead(204).end();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    banners: () => new Map(banners),
    alerts: () => [...alerts],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main(): Promise<void> {
  const key = await createPlaidTestKey();
  const secret = 'example-shared-secret';
  const receiver = await startWebhookReceiver(
    { plaid: { getKey: key.getKey }, finicity: { secret }, aerosync: { secret }, teller: { secret }, unsigned: ['mx', 'yodlee', 'synapse'] },
    Number(process.env['PORT'] ?? 0),
  );
  console.log(`webhook receiver on ${receiver.url}`);
  const signing = { plaid: { key }, finicity: { secret }, aerosync: { secret }, teller: { secrets: [secret] } };
  for (const fixture of webhookFixtures()) {
    const answer = await sendWebhook({ url: `${receiver.url}/webhooks/${fixture.provider}`, provider: fixture.provider, payload: fixture.payload, signing });
    console.log(`  ${answer.status} ${fixture.name}`);
  }
  const forged = await sendWebhook({
    url: `${receiver.url}/webhooks/plaid`,
    provider: 'plaid',
    payload: { webhook_type: 'ITEM', webhook_code: 'LOGIN_REPAIRED', item_id: 'x' },
  });
  console.log(`  ${forged.status} an unsigned "Plaid" webhook`);
  console.log('banners:', Object.fromEntries(receiver.banners()));
  console.log('alerts:', receiver.alerts());
  await receiver.close();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
