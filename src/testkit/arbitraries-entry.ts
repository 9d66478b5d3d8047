// The arbitraries have an entry point of their own: they import fast-check, an
// optional peer dependency that the simulator and the fixtures do not need.
export { documentedResponse, hostileResponse } from './arbitraries.js';
export type { HostileOptions, HostileResponse } from './arbitraries.js';
export { hostileWebhook, type HostileWebhook, type HostileWebhookOptions } from './webhook-arbitraries.js';
export { hostileWidgetInput, type HostileWidgetInput, type HostileWidgetOptions } from './widget-arbitraries.js';
