// aggregator-errors/webhooks: provider webhooks as ConnectionEvents, their signatures
// checked first where the provider documents one. Guide: docs/webhooks.md.
export { receiveWebhook, receivePlaidWebhook, receiveFinicityWebhook, receiveAerosyncWebhook, receiveTellerWebhook } from './receive.js';
export type {
  ReceiveOptions,
  ReceiveWebhookOptions,
  PlaidReceiveOptions,
  FinicityReceiveOptions,
  AerosyncReceiveOptions,
  TellerReceiveOptions,
} from './receive.js';
export { WEBHOOK_REJECTIONS } from './result.js';
export type { AcceptedWebhook, RejectedWebhook, WebhookRejection, WebhookResult } from './result.js';
export { plaidKeyCache } from './plaid-key-cache.js';
export type { PlaidKeyCacheOptions } from './plaid-key-cache.js';
export type { PlaidJwk, PlaidKeyLookup, PlaidSignatureOptions } from './plaid-signature.js';
export type { HmacSecretOptions, TellerSignatureOptions } from './hmac-signatures.js';
export type { RawBody } from './payload.js';

export { webhookEvent, WEBHOOK_PROVIDERS } from './webhook-event.js';
export type { WebhookDispatchOptions, WebhookProvider } from './webhook-event.js';
export { plaidWebhookEvent, plaidLinkEvents } from './plaid.js';
export { mxWebhookEvent } from './mx.js';
export { tellerWebhookEvent } from './teller.js';
export { finicityWebhookEvent } from './finicity.js';
export { yodleeWebhookEvent } from './yodlee.js';
export { aerosyncWebhookEvent } from './aerosync.js';
export { synapseWebhookEvent } from './synapse.js';
export type { WebhookEventOptions, WebhookNormalizer } from './options.js';
export { WEBHOOK_EVENTS } from './event-docs.js';
export type { WebhookEventDoc } from './event-docs.js';
