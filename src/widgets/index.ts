// aggregator-errors/widgets: the link widgets' callbacks and messages as connection
// events (the ConnectionEvent of the main entry), one adapter per widget; no
// matcher, catalog or zod unless you pass a normalizer. Guide: docs/frontend.md.
export { plaidLinkEvent } from './plaid-link.js';
export type { PlaidLinkCallback } from './plaid-link.js';
export { mxConnectEvent } from './mx-connect.js';
export type { MxConnectCallback } from './mx-connect.js';
export { tellerConnectEvent } from './teller-connect.js';
export type { TellerConnectCallback } from './teller-connect.js';
export { finicityConnectEvent } from './finicity-connect.js';
export type { FinicityConnectCallback } from './finicity-connect.js';
export { yodleeFastLinkEvent } from './yodlee-fastlink.js';
export type { YodleeFastLinkCallback } from './yodlee-fastlink.js';
export { aerosyncWidgetEvent } from './aerosync-widget.js';
export type { AerosyncWidgetCallback } from './aerosync-widget.js';
export type { WidgetOptions } from './widget-options.js';
