import { undocumentedEvent } from '../connections/build.js';
import type { ConnectionEvent } from '../connections/event.js';
import { own } from '../util/own.js';
import { aerosyncWebhookEvent } from './aerosync.js';
import { finicityWebhookEvent } from './finicity.js';
import { mxWebhookEvent } from './mx.js';
import type { WebhookEventOptions } from './options.js';
import { plaidWebhookEvent } from './plaid.js';
import { synapseWebhookEvent } from './synapse.js';
import { tellerWebhookEvent } from './teller.js';
import { yodleeWebhookEvent } from './yodlee.js';

/**
 * The providers whose webhooks the adapters read, by catalog id.
 *
 * @public
 */
export const WEBHOOK_PROVIDERS = ['plaid', 'mx', 'teller', 'finicity', 'yodlee', 'aerosync', 'synapse'] as const;

/**
 * One of {@link WEBHOOK_PROVIDERS}.
 *
 * @public
 */
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

/**
 * Options of {@link webhookEvent}.
 *
 * @public
 */
export interface WebhookDispatchOptions extends WebhookEventOptions {
  /** The provider that sent the webhook (the route it arrived on says so; its payload does not always). */
  readonly provider: WebhookProvider | (string & {});
}

const ADAPTERS: ReadonlyMap<string, (payload: unknown, options: WebhookEventOptions) => ConnectionEvent> = new Map<
  WebhookProvider,
  (payload: unknown, options: WebhookEventOptions) => ConnectionEvent
>([
  ['plaid', plaidWebhookEvent],
  ['mx', mxWebhookEvent],
  ['teller', tellerWebhookEvent],
  ['finicity', finicityWebhookEvent],
  ['yodlee', yodleeWebhookEvent],
  ['aerosync', aerosyncWebhookEvent],
  ['synapse', synapseWebhookEvent],
]);

/**
 * Turns any provider's webhook into a connection event, dispatching on `provider`.
 *
 * @remarks
 * Trusts the payload: verify it first where the provider signs its webhooks
 * ({@link receiveWebhook} does both). A provider it does not know, or an event
 * no table documents, is `info` with the raw name kept; it never throws.
 *
 * @example
 * ```ts
 * const normalizer = createNormalizer([plaid, mx, teller]);
 * const event = webhookEvent(payload, { provider: 'mx', normalizer });
 * ```
 *
 * @public
 */
export function webhookEvent(payload: unknown, options: WebhookDispatchOptions): ConnectionEvent {
  const provider = own(options, 'provider');
  const adapter = typeof provider === 'string' ? ADAPTERS.get(provider) : undefined;
  if (adapter === undefined) return undocumentedEvent(typeof provider === 'string' && provider !== '' ? provider : 'unknown', 'webhook');
  return adapter(payload, options);
}
