/**
 * Finicity / Mastercard Open Finance Connect's SDK callbacks (web and React
 * Native) and its window messages as connection events.
 */
import type { ConnectionEvent } from '../connections/event.js';
import { own, ownEntry } from '../util/own.js';
import { emit, type Row } from './emit.js';
import { parseMessage } from './parse-message.js';
import { readOptions, text, type ReadOptions, type WidgetOptions } from './widget-options.js';

/**
 * The Connect SDK callbacks {@link finicityConnectEvent} reads, and `'message'`
 * for a window message's `data` (`{ type, data }`) where no SDK is used.
 *
 * @public
 */
export type FinicityConnectCallback = 'onLoad' | 'onDone' | 'onCancel' | 'onError' | 'onRoute' | 'onUser' | 'message';

const SDK = 'https://github.com/Mastercard/connect-web-sdk/blob/19d78d56f2cab4dc143f36a02225c3e7ad872531/src/index.ts';
const README = 'https://github.com/Mastercard/connect-web-sdk/blob/036c25295df04ee704c6d51663d0efc3746e3b8e/README.md';
const CONSTANTS = 'https://github.com/Mastercard/connect-web-sdk/blob/036c25295df04ee704c6d51663d0efc3746e3b8e/src/constants.ts';
const RN = 'https://github.com/Mastercard/connect-react-native-sdk/blob/0c2c67b0d7286dadeca9579bca9be34ecdbcaaab/src/constants.ts';
const EVENTS = 'https://docs.finicity.com/web-sdk-2-0-events/';
const ROUTE = 'https://developer.mastercard.com/open-finance-au/documentation/connect/integrating-with-connect/events/connect-route-events/';
const USER = 'https://developer.mastercard.com/open-finance-au/documentation/connect/integrating-with-connect/events/connect-user-events/';

const CALLBACKS: Readonly<Record<string, Row>> = {
  onLoad: { state: 'info', source: README, description: 'The Connect page is loaded and ready to display.' },
  onDone: { state: 'connected', source: EVENTS, description: 'The customer successfully completed Connect and submitted their accounts (code 200, complete).' },
  onCancel: { state: 'cancelled', source: EVENTS, description: 'The customer clicked Exit to cancel out of the Connect session (code 100, exit).' },
  onRoute: { state: 'info', source: ROUTE, description: 'The user moved to another Connect screen.' },
  onUser: { state: 'info', source: USER, description: 'An action the user could take (AddAccounts); onDone or onError tells the outcome.' },
};

// onError's documented codes; the SDK emits 1403 itself when the popup could not be opened.
const ERRORS: Readonly<Record<string, Row>> = {
  '1440': {
    state: 'failed',
    source: EVENTS,
    description: 'The customer was forced to exit Connect after the session timed out.',
    failure: 'widget',
    userAction: 'reconnect',
  },
  '500': { state: 'failed', source: EVENTS, description: 'The customer exited Connect after an unexpected error.', failure: 'widget', userAction: 'wait' },
  '1403': { state: 'failed', source: SDK, description: 'The Connect popup window could not be opened (blocked).', failure: 'widget', userAction: 'reconnect' },
};
const ERROR: Row = { state: 'failed', source: README, description: 'An error occurred while the user was using Connect.', failure: 'widget' };

// Window message types ([CONSTANTS]) that carry a callback's payload in `data`; the others are the SDK's own plumbing.
const MESSAGE_CALLBACKS: Readonly<Record<string, string>> = {
  done: 'onDone',
  cancel: 'onCancel',
  error: 'onError',
  route: 'onRoute',
  user: 'onUser',
  loaded: 'onLoad',
};
const PLUMBING: Readonly<Record<string, Row>> = {
  ack: { state: 'info', source: CONSTANTS },
  url: { state: 'info', source: CONSTANTS, description: 'Connect asks the SDK to open an OAuth popup.' },
  ping: { state: 'info', source: CONSTANTS },
  window: { state: 'info', source: CONSTANTS },
  closePopup: { state: 'info', source: CONSTANTS },
};
const LOADED: Row = { state: 'info', source: RN, description: 'Connect loaded (React Native SDK).' };

function fromCallback(name: string, event: unknown, read: ReadOptions): ConnectionEvent {
  if (name === 'onError') {
    const code = own(event, 'code');
    const key = typeof code === 'number' && Number.isInteger(code) ? String(code) : text(code, 32);
    return emit('finicity', key === undefined ? name : `${name}:${key}`, (key === undefined ? undefined : ownEntry(ERRORS, key)) ?? ERROR, {}, read);
  }
  if (name === 'onCancel') return emit('finicity', name, CALLBACKS['onCancel'], { step: text(own(event, 'reason'), 64) }, read);
  return emit('finicity', name, ownEntry(CALLBACKS, name), {}, read);
}

/**
 * The connection event of a Finicity / Mastercard Connect callback; never throws.
 *
 * @remarks
 * `onCancel` (`{ code: 100, reason: 'exit' }`) is `cancelled`; `onError` is
 * `failed` by its code: 1440 (session timeout), 500 (unexpected error), 1403
 * (the SDK could not open its popup); `onDone` is `connected`. These codes are
 * Connect's own, not API codes (the API's 500 is an aggregation status), so no
 * normalizer is used. `'message'` takes a window message's `data` as Connect
 * posts it (`{ type, data }`), for pages that listen without the SDK.
 *
 * @example
 * ```ts
 * import { finicityConnectEvent } from 'aggregator-errors/widgets';
 *
 * Connect.launch(url, {
 *   onCancel: (event) => show(finicityConnectEvent('onCancel', event)),
 *   onError: (event) => show(finicityConnectEvent('onError', event)),
 *   onDone: (event) => show(finicityConnectEvent('onDone', event)),
 * });
 * ```
 *
 * @public
 */
export function finicityConnectEvent(callback: FinicityConnectCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  if (name !== 'message') return fromCallback(name, payload, read);
  const message = parseMessage(payload);
  const type = text(own(message, 'type'), 64);
  if (type === undefined) return emit('finicity', name, undefined, {}, read);
  const mapped = ownEntry(MESSAGE_CALLBACKS, type);
  if (mapped === 'onLoad') return emit('finicity', type, LOADED, {}, read);
  if (mapped !== undefined) return fromCallback(mapped, own(message, 'data'), read);
  return emit('finicity', type, ownEntry(PLUMBING, type), {}, read);
}
