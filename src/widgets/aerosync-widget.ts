/**
 * The Aerosync widget's callbacks and WebView messages as connection events,
 * from Aerosync's React Native and Android SDKs and its error glossary.
 */
import type { ConnectionEvent } from '../connections/event.js';
import { arrayItems, own, ownEntry } from '../util/own.js';
import { emit, type Row } from './emit.js';
import { parseMessage } from './parse-message.js';
import { classify, readOptions, text, type ReadOptions, type WidgetOptions } from './widget-options.js';

/**
 * The Aerosync widget callbacks {@link aerosyncWidgetEvent} reads, and
 * `'message'` for a WebView message (`{ type, payload }` or its JSON text).
 *
 * @public
 */
export type AerosyncWidgetCallback = 'onLoad' | 'onSuccess' | 'onClose' | 'onEvent' | 'onError' | 'onBankClick' | 'message';

const TYPES = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/80c90bd2408c66ebffaf7e7600c4b7e9949d9c99/src/Types.ts';
const WEBVIEW = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/80c90bd2408c66ebffaf7e7600c4b7e9949d9c99/src/BankWebView.tsx';
const README = 'https://github.com/Aeropay-inc/aerosync-react-native-sdk/blob/0d52165a42c630bd07e6e687b5901c8d969f4ead/README.md';
const GLOSSARY = 'https://api-aerosync.readme.io/docs/error-glossary';

const CALLBACKS: Readonly<Record<string, Row>> = {
  onLoad: { state: 'info', source: TYPES, description: 'The widget loaded.' },
  onSuccess: { state: 'connected', source: README, description: 'The user linked their bank(s) and the widget closed.' },
  onClose: { state: 'cancelled', source: README, description: 'The widget was closed (either manually or automatically).' },
  onEvent: { state: 'info', source: README, description: 'Fired on every widget event (pageTitle, onLoadApi).' },
  onBankClick: { state: 'info', source: TYPES, description: 'A bank tile was clicked in the embedded view.' },
};

// Codes the glossary documents for the widget's onError string; other AC codes keep the failed default.
const CODES: Readonly<Record<string, Row>> = {
  'AC-117': { state: 'failed', source: GLOSSARY, description: 'Incorrect credentials.', failure: 'error', userAction: 'reenter-credentials' },
  'AR-100': {
    state: 'failed',
    source: GLOSSARY,
    description: 'Polling timeout: no response within the expected time frame; try again later.',
    failure: 'error',
    userAction: 'wait',
  },
  'AR-500': { state: 'failed', source: GLOSSARY, description: 'A server error occurred; try again later.', failure: 'error', userAction: 'wait' },
};
const CODED: Row = {
  state: 'failed',
  source: GLOSSARY,
  description: 'An error inside the widget (ERROR_TYPE | Code: CODE | Message: MESSAGE).',
  failure: 'error',
};
// The SDK also calls onError with strings of its own that follow no format.
const SDK_FAILURE: Row = { state: 'failed', source: WEBVIEW, description: 'The SDK could not read a widget message or open a URL.', failure: 'widget' };
const UNFORMATTED: Row = { state: 'failed', source: TYPES, description: 'An error inside the widget.', failure: 'widget' };

// The WebView's message types and the callbacks the SDK maps them to.
const MESSAGE_CALLBACKS: Readonly<Record<string, string>> = {
  pageSuccess: 'onSuccess',
  widgetClose: 'onClose',
  widgetPageLoaded: 'onEvent',
  widgetError: 'onError',
  widgetBankClick: 'onBankClick',
};

const MAX_ERROR_CHARS = 4096;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** `ERROR_TYPE | Code: CODE | Message: MESSAGE`, split at its first two bars (the message may hold more), in linear time. */
function splitError(value: string): { readonly code: string; readonly message: string } | undefined {
  const first = value.indexOf('|');
  const second = first < 0 ? -1 : value.indexOf('|', first + 1);
  if (second < 0) return undefined;
  const codePart = value.slice(first + 1, second).trim();
  const code = codePart.startsWith('Code:') ? codePart.slice(5).trim() : '';
  if (!CODE.test(code)) return undefined;
  const rest = value.slice(second + 1).trim();
  return { code, message: rest.startsWith('Message:') ? rest.slice(8).trim() : rest };
}

function errorEvent(message: unknown, read: ReadOptions): ConnectionEvent {
  const value = typeof message === 'string' ? message.slice(0, MAX_ERROR_CHARS) : undefined;
  const parts = value === undefined ? undefined : splitError(value);
  if (parts === undefined) {
    const sdk =
      value !== undefined && (value.startsWith('Failed to parse WebView message:') || value.startsWith('Unable open the URL in the external browser:'));
    return emit('aerosync', 'onError', sdk ? SDK_FAILURE : UNFORMATTED, {}, read);
  }
  const { code } = parts;
  // The widget's codes are codes of Aerosync's catalog: classified with their message, as an API body carries them.
  const error = classify(read, { provider: 'aerosync', code, body: { error: parts } });
  return emit('aerosync', `onError:${code}`, ownEntry(CODES, code) ?? CODED, { error }, read);
}

function successEvent(payload: unknown, read: ReadOptions): ConnectionEvent {
  // 4.x { connectionId, clientName, aeroPassUserUuid }; 3.0 snake_case; 2.x user_id (with a user_password that is never read);
  // with multi-account linking, { accounts: [{ connectionId, ... }] }.
  const ids = arrayItems(own(payload, 'accounts'), 64)
    .map((account) => text(own(account, 'connectionId')))
    .filter((id): id is string => id !== undefined);
  const id = text(own(payload, 'connectionId')) ?? text(own(payload, 'connection_id')) ?? ids[0] ?? text(own(payload, 'user_id'));
  return emit(
    'aerosync',
    'onSuccess',
    CALLBACKS['onSuccess'],
    {
      connection: id === undefined ? undefined : { type: 'user', id },
      accounts: ids,
      user: text(own(payload, 'aeroPassUserUuid')) ?? text(own(payload, 'aeropass_user_uuid')),
    },
    read,
  );
}

function fromCallback(name: string, payload: unknown, read: ReadOptions): ConnectionEvent {
  if (name === 'onError') return errorEvent(payload, read);
  if (name === 'onSuccess') return successEvent(payload, read);
  return emit('aerosync', name, ownEntry(CALLBACKS, name), {}, read);
}

/**
 * The connection event of an Aerosync widget callback or WebView message; never throws.
 *
 * @remarks
 * `onError` takes the widget's string: `ERROR_TYPE | Code: CODE | Message: MESSAGE`
 * is `failed` with the code classified by Aerosync's catalog when
 * `options.normalizer` is given (AC-117 asks the user to re-enter credentials;
 * AR-100 and AR-500 to try later); the SDK's own free-form strings are
 * `failed` (`widget`). `onClose` is `cancelled`, `onSuccess` `connected` with its
 * `connectionId`. `'message'` takes the WebView's `{ type, payload }` (or its
 * JSON text) and maps it as the SDK does; text it cannot read fails as the SDK's
 * does.
 *
 * @example
 * ```ts
 * import { aerosyncWidgetEvent } from 'aggregator-errors/widgets';
 *
 * const onError = (message: string) => show(aerosyncWidgetEvent('onError', message));
 * ```
 *
 * @public
 */
export function aerosyncWidgetEvent(callback: AerosyncWidgetCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  if (name !== 'message') return fromCallback(name, payload, read);
  const message = parseMessage(payload);
  // The SDK answers a message it cannot parse with an onError of its own.
  if (message === undefined) return emit('aerosync', 'onError', SDK_FAILURE, {}, read);
  const type = text(own(message, 'type'), 64);
  const mapped = type === undefined ? undefined : ownEntry(MESSAGE_CALLBACKS, type);
  if (mapped === undefined) return emit('aerosync', type ?? name, undefined, {}, read);
  return fromCallback(mapped, own(message, 'payload'), read);
}
