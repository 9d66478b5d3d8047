/**
 * Yodlee FastLink 4's callbacks and messages as connection events: the web
 * callbacks of `window.fastlink.open`, its post messages (`fnToCall`), and the
 * native WebView messages of Yodlee's iOS and React Native samples.
 */
import type { ConnectionEvent } from '../connections/event.js';
import { own, ownEntry } from '../util/own.js';
import { emit, type Row, type Signal } from './emit.js';
import { parseMessage } from './parse-message.js';
import { classify, readOptions, text, type ReadOptions, type WidgetOptions } from './widget-options.js';

/**
 * The FastLink callbacks {@link yodleeFastLinkEvent} reads, and `'message'` for
 * a post message or a native WebView message (its JSON text or the parsed object).
 *
 * @public
 */
export type YodleeFastLinkCallback = 'onSuccess' | 'onError' | 'onClose' | 'onEvent' | 'message';

const ERRORS_PAGE = 'https://developer.yodlee.com/docs/fastlink/4.0/advanced/handling_errors';
const UPGRADE = 'https://developer.yodlee.com/resources/yodlee/upgrade-guide/docs/fastlink-upgrade-post-messages';
const GUIDE = 'https://developer.yodlee.com/docs/fastlink/4.0/getting-started';
const NATIVE = 'https://github.com/Yodlee/fastlink/blob/0d2031158c4b08b060359b84b8d317f47c21f82e/v4/mobile/react-native/FastLink/app/views/FastLinkView.js';
const IOS =
  'https://github.com/Yodlee/fastlink/blob/0d2031158c4b08b060359b84b8d317f47c21f82e/v4/mobile/ios-swift/FastLink/FastLink/FastLinkViewController.swift';

// Deep-link errors (title INVALID_PARAMETER_OR_VALUE): the integrator launched FastLink with a wrong parameter.
const deepLink = (description: string): Row => ({
  state: 'failed',
  source: ERRORS_PAGE,
  description,
  failure: 'widget',
  userAction: 'contact-support',
  severity: 'ticket',
});
const DEEP_LINK_ERRORS: Readonly<Record<string, Row>> = {
  E700: deepLink('Invalid value for flow.'),
  E701: deepLink('Invalid value for providerId.'),
  E702: deepLink('Invalid value for providerAccountId.'),
  E703: deepLink('Invalid value for accountId.'),
  E704: deepLink('Invalid value for container.'),
  E705: deepLink('Invalid value for bankTransferCode.'),
};
const DEEP_LINK: Row = deepLink('A deep-linking error (E7XX and E8XX).');
const TECHNICAL: Row = { state: 'failed', source: ERRORS_PAGE, description: 'An integration or unexpected technical error.', failure: 'widget' };
const ADDITION_FAILED: Row = { state: 'failed', source: UPGRADE, description: 'Account addition failed.', failure: 'error' };

const CALLBACKS: Readonly<Record<string, Row>> = {
  onSuccess: { state: 'connected', source: UPGRADE, description: 'A success event.' },
  // FastLink closes after a finish as well as after a cancel: either way, nothing for the user to see.
  onClose: { state: 'cancelled', source: UPGRADE, description: 'The user closed FastLink.' },
  onEvent: { state: 'info', source: GUIDE },
};

const NATIVE_MESSAGES: Readonly<Record<string, Row>> = {
  POST_MESSAGE: { state: 'info', source: NATIVE, description: 'Account addition status, passed to native.' },
  OPEN_EXTERNAL_URL: { state: 'info', source: NATIVE, description: 'The user opened an external link.' },
  BANK_OAUTH_URL: { state: 'pending', source: IOS, description: 'The bank’s OAuth page must be opened.', step: 'oauth' },
};
const NATIVE_EXIT: Row = { state: 'cancelled', source: NATIVE, description: 'The user clicked close or finish (action "exit").' };
const RESIZE: Row = { state: 'info', source: UPGRADE, description: 'FastLink asks its iframe to resize.' };

/** The provider account a message names (FastLink 4's `providerAccountId`, formerly `siteAccountId`). */
function providerAccount(data: unknown): Signal['connection'] {
  const raw = own(data, 'providerAccountId');
  const id = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : text(raw);
  return id === undefined ? undefined : { type: 'provider-account', id };
}

/** An error message: a deep-link or technical error (`errorHandler`), or a failed account addition (`accountStatus`). */
function errorEvent(base: string, data: unknown, read: ReadOptions): ConnectionEvent {
  const code = text(own(data, 'code'), 32);
  const connection = providerAccount(data);
  if (text(own(data, 'fnToCall'), 64) === 'accountStatus') {
    // FastLink 4 renamed statusCode to additionalStatus: a code of Yodlee's catalog.
    const status = text(own(data, 'additionalStatus'), 128);
    const error = status === undefined ? undefined : classify(read, { provider: 'yodlee', code: status });
    return emit(
      'yodlee',
      status === undefined ? base : `${base}:${status}`,
      status === undefined ? { ...ADDITION_FAILED, failure: 'widget' } : ADDITION_FAILED,
      { connection, error },
      read,
    );
  }
  if (code === undefined) return emit('yodlee', base, TECHNICAL, { connection }, read);
  const row = ownEntry(DEEP_LINK_ERRORS, code) ?? (/^E[78]\d\d$/.test(code) ? DEEP_LINK : TECHNICAL);
  return emit('yodlee', `${base}:${code}`, row, { connection }, read);
}

function fromMessage(name: string, payload: unknown, read: ReadOptions): ConnectionEvent {
  const message = parseMessage(payload);
  const fn = text(own(message, 'fnToCall'), 64);
  // A web post message: { fnToCall, ... }.
  if (fn === 'errorHandler' || fn === 'accountStatus') return errorEvent(fn, message, read);
  if (fn === 'resizeIframeWindow') return emit('yodlee', fn, RESIZE, {}, read);
  // A native message: { type, data }.
  const type = text(own(message, 'type'), 64);
  if (type === undefined) return emit('yodlee', fn ?? name, undefined, {}, read);
  const data = own(message, 'data');
  if (type === 'POST_MESSAGE') {
    if (own(data, 'action') === 'exit') return emit('yodlee', `${type}:exit`, NATIVE_EXIT, { connection: providerAccount(data) }, read);
    const inner = text(own(data, 'fnToCall'), 64);
    if (inner === 'errorHandler' || inner === 'accountStatus') return errorEvent(`${type}:${inner}`, data, read);
  }
  return emit('yodlee', type, ownEntry(NATIVE_MESSAGES, type), { connection: providerAccount(data) }, read);
}

/**
 * The connection event of a FastLink callback or message; never throws.
 *
 * @remarks
 * `onError`'s deep-link errors (E700 to E705, and any E7XX or E8XX) mean
 * FastLink was opened with a wrong parameter: `failed`, a `ticket` for the
 * integrator, never the user's doing. A failed account addition
 * (`fnToCall: 'accountStatus'`) is `failed`, with its `additionalStatus`
 * classified by Yodlee's catalog when `options.normalizer` is given. `onClose`
 * and a native `POST_MESSAGE` with `action: 'exit'` are `cancelled`.
 *
 * @example
 * ```ts
 * import { yodleeFastLinkEvent } from 'aggregator-errors/widgets';
 *
 * window.fastlink.open({ fastLinkURL, accessToken, onError: (data) => show(yodleeFastLinkEvent('onError', data)), onClose: (data) => show(yodleeFastLinkEvent('onClose', data)) }, 'container');
 * ```
 *
 * @public
 */
export function yodleeFastLinkEvent(callback: YodleeFastLinkCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  if (name === 'message') return fromMessage(name, payload, read);
  const data = parseMessage(payload);
  if (name === 'onError') return errorEvent(name, data, read);
  return emit('yodlee', name, ownEntry(CALLBACKS, name), { connection: providerAccount(data) }, read);
}
