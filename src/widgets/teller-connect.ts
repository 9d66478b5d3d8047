/**
 * Teller Connect's callbacks as connection events, from the types of Teller's
 * React wrapper (which names Teller Connect's own guide as canonical) and
 * Teller's example app.
 */
import type { ConnectionEvent } from '../connections/event.js';
import { own, ownEntry } from '../util/own.js';
import { emit, type Row } from './emit.js';
import { readOptions, text, type WidgetOptions } from './widget-options.js';

/**
 * The Teller Connect callbacks {@link tellerConnectEvent} reads.
 *
 * @public
 */
export type TellerConnectCallback = 'onInit' | 'onSuccess' | 'onExit' | 'onFailure' | 'onEvent';

const TYPES = 'https://github.com/tellerhq/teller-connect-react/blob/00151f8a43f3c0231ceaaf6ceb2a3fa4016c6995/src/types/index.ts';
const EXAMPLE = 'https://github.com/tellerhq/examples/blob/05f3eec3857844777d23ff9bfc4d284842dc67ad/static/index.js';

const CALLBACKS: Readonly<Record<string, Row>> = {
  onInit: { state: 'info', source: TYPES, description: 'Teller Connect has initialized.' },
  onSuccess: { state: 'connected', source: TYPES, description: 'The user enrolled.' },
  // onExit carries nothing: an exit and a cancel cannot be told apart, and neither is an error.
  onExit: { state: 'cancelled', source: TYPES, description: 'The user closed Teller Connect.' },
};

// onFailure reports a payee or payment authorization opened with a connectToken (Teller's example app).
const FAILURES: Readonly<Record<string, Row>> = {
  timeout: { state: 'failed', source: EXAMPLE, description: 'A payee or payment authorization timed out.', failure: 'widget', userAction: 'restart-mfa' },
  error: { state: 'failed', source: EXAMPLE, description: 'A payee or payment authorization failed.', failure: 'widget' },
};
const FAILURE: Row = { state: 'failed', source: TYPES, description: 'A payee or payment authorization failed.', failure: 'widget' };

/**
 * The connection event of a Teller Connect callback; never throws.
 *
 * @remarks
 * `onSuccess` takes the enrollment object and names its enrollment and user
 * (the access token is never read); `onExit` is `cancelled`; `onFailure` takes
 * `{ type, code, message }` and is `failed` (a `timeout` asks the user to start
 * again). Teller Connect's failure codes are not API codes, so no normalizer is
 * used. `onEvent` is undocumented: pass `{ name, data }` and get `info` with the
 * name kept.
 *
 * @example
 * ```ts
 * import { tellerConnectEvent } from 'aggregator-errors/widgets';
 *
 * TellerConnect.setup({ onSuccess: (enrollment) => show(tellerConnectEvent('onSuccess', enrollment)), onExit: () => show(tellerConnectEvent('onExit')) });
 * ```
 *
 * @public
 */
export function tellerConnectEvent(callback: TellerConnectCallback | (string & {}), payload?: unknown, options?: WidgetOptions): ConnectionEvent {
  const read = readOptions(options);
  const name = text(callback, 128) ?? 'unknown';
  switch (name) {
    case 'onSuccess': {
      // { accessToken, user: { id }, enrollment: { id, institution: { name } } }: the token is a credential.
      const id = text(own(own(payload, 'enrollment'), 'id'));
      return emit(
        'teller',
        name,
        CALLBACKS['onSuccess'],
        { connection: id === undefined ? undefined : { type: 'enrollment', id }, user: text(own(own(payload, 'user'), 'id')) },
        read,
      );
    }
    case 'onFailure': {
      const code = text(own(payload, 'code'), 32);
      return emit('teller', code === undefined ? name : `${name}:${code}`, (code === undefined ? undefined : ownEntry(FAILURES, code)) ?? FAILURE, {}, read);
    }
    case 'onEvent':
      // Listed among Teller's undocumented options: the name is kept, the meaning is unknown.
      return emit('teller', text(own(payload, 'name'), 128) ?? name, undefined, {}, read);
    default:
      return emit('teller', name, ownEntry(CALLBACKS, name), {}, read);
  }
}
