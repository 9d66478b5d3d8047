import type { ConnectionDetailMap, ConnectionState } from '../connections/event.js';
import type { UserAction } from '../taxonomy/hints.js';
import type { CompleteMessageCatalog, MessageCatalog, MessageText } from './message-catalog.js';
import { EVENT_MESSAGES_EN } from './events-en.js';
import { MESSAGES_EN } from './messages-en.js';
import { renderMessage, type RenderedMessage, type RenderOptions } from './render-message.js';

export { EVENT_MESSAGES_EN } from './events-en.js';

/**
 * The states a built-in locale has texts of its own for: `needs-reconnect` renders the
 * error texts, `info` renders nothing unless an override words it, a cancel never renders.
 *
 * @public
 */
export type TextState = Exclude<ConnectionState, 'needs-reconnect' | 'info' | 'cancelled'>;

/**
 * The states an override may word: {@link TextState} and `info`.
 *
 * @public
 */
export type WordedState = TextState | 'info';

/**
 * A state and its detail: a failure's reason (`'failed.institution-unsupported'`) or a pending step as the event names it (`'pending.mfa'`).
 *
 * @public
 */
export type EventDetailKey = `failed.${ConnectionDetailMap['failed']['reason']}` | `pending.${string}`;

/**
 * The connection-event texts of one locale; when rendering, the most specific entry that sets a field wins.
 *
 * @remarks
 * Specificity, highest first: `events[provider][event]`, `stateDetails['state.detail']`,
 * `states[state]`; a custom locale's entries come before the built-in ones, and
 * English's last. A `failed` event that carries an error, and every
 * `needs-reconnect`, render the error's text instead (as `renderMessage` does,
 * with the same overrides: `codes`, `details`, `kinds`), so a banner says what the
 * HTTP path says.
 *
 * @public
 */
export interface EventMessageCatalog {
  /** Texts per state. */
  readonly states?: { readonly [S in WordedState]?: MessageText };
  /** Texts per state and detail (a failure's reason, a pending step such as `'pending.mfa'`). */
  readonly stateDetails?: { readonly [D in EventDetailKey]?: MessageText };
  /** Texts per provider id, then event as the provider names it (`'onExit'`, `'mx/connect/memberStatusUpdate'`). */
  readonly events?: Readonly<Record<string, Readonly<Record<string, MessageText>>>>;
}

/**
 * A built-in locale of connection-event texts: every {@link TextState} has a title and a body.
 *
 * @public
 */
export interface CompleteEventMessageCatalog extends EventMessageCatalog {
  /** The title and body of every state that has texts of its own. */
  readonly states: { readonly [S in TextState]: { readonly title: string; readonly body: string } };
}

/**
 * How {@link renderConnectionEvent} picks its texts: the options of `renderMessage`, with
 * locales and overrides that hold the event texts beside the error texts, so one options
 * object serves both renderers.
 *
 * @public
 */
export interface EventRenderOptions extends Omit<RenderOptions, 'locales' | 'messages'> {
  /**
   * Complete locales by language tag, error and event texts merged:
   * `{ es: { ...MESSAGES_ES, ...EVENT_MESSAGES_ES } }` from `aggregator-errors/messages/es`.
   * English is built in.
   * @defaultValue `{}` (English only)
   */
  readonly locales?: Readonly<Record<string, CompleteMessageCatalog & CompleteEventMessageCatalog>>;
  /**
   * Overrides by locale tag, of error texts, event texts or both; they win over the locale's own texts.
   * @defaultValue `{}`
   */
  readonly messages?: Readonly<Record<string, MessageCatalog & EventMessageCatalog>>;
}

// Lookups read own properties only: an event named "__proto__" finds nothing.
function own<T>(record: object | undefined, key: unknown): T | undefined {
  return typeof record === 'object' && record !== null && typeof key === 'string' && Object.hasOwn(record, key)
    ? (record as Record<string, T>)[key]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const isAction = (value: unknown): value is UserAction => own(MESSAGES_EN.actions, value) !== undefined;

type Layer = (MessageCatalog & EventMessageCatalog) | undefined;

function render(input: unknown, options: EventRenderOptions): RenderedMessage | undefined {
  const field = (key: string): unknown => own(input as object, key);
  const state = field('state');
  if (state === 'cancelled') return undefined;
  const userAction = field('userAction');
  const reason = field('reason');
  // A symbol throws here: hostile input renders nothing.
  const detail = `${state as string}.${(state === 'pending' ? field('step') : reason) as string}`;
  const tag = String(options.locale ?? 'en').replace('_', '-');
  const pick = (record: object | undefined): Layer => own(record, tag) ?? own(record, tag.split('-')[0]?.toLowerCase());
  const custom = pick(options.messages);
  const locale = pick(options.locales);
  const layer = (catalog: Layer): (MessageText | undefined)[] => [
    own(own(catalog?.events, field('provider')), field('event')),
    own(catalog?.stateDetails, detail),
    own(catalog?.states, state),
  ];
  // The error behind a failure or a broken connection renders as the HTTP path renders it; a
  // needs-reconnect without one renders its reason as a reconnect-required error does.
  let error = field('error');
  if (state === 'needs-reconnect' && typeof error !== 'object') error = { kind: 'reconnect-required', reason, userAction };
  const shown = (state === 'failed' || state === 'needs-reconnect') && typeof error === 'object' && error !== null ? renderMessage(error, options) : undefined;
  // The event and its detail, as the caller words them, win over the error's text; then the states, the
  // caller's first, and English last: a locale without event texts (an error-only one) still renders every state.
  if (shown !== undefined) return shown;
  const entries = [...layer(custom), ...layer(locale), ...layer(EVENT_MESSAGES_EN)];
  let title: string | undefined;
  let body: string | undefined;
  let action: UserAction | undefined;
  let label: string | undefined;
  for (const entry of entries) {
    title ??= text(entry?.title);
    body ??= text(entry?.body);
    // As for errors: a label belongs to its entry's action.
    if (action === undefined) label ??= text(entry?.label);
    if (action === undefined && isAction(entry?.action)) action = entry.action;
  }
  // An info event (or a state no locale words) shows nothing unless an override gives it a title.
  if (title === undefined) return undefined;
  action ??= isAction(userAction) ? userAction : 'contact-support';
  label ??= text(own(custom?.actions, action)) ?? text(own(locale?.actions, action)) ?? MESSAGES_EN.actions[action];
  return { title, body: body ?? '', action: { kind: action, label } };
}

/**
 * Renders a connection event (as built, or parsed from a gateway's JSON) as
 * end-user text, or `undefined` when there is nothing to show; never throws.
 *
 * @remarks
 * A cancel renders nothing, ever (a user who closed the widget needs no
 * message); `info` renders nothing unless an override words it; `recovered`
 * renders the "all good" line that replaces a reconnect banner. A `failed`
 * event that carries an error, and a `needs-reconnect`, render the error's text
 * as `renderMessage` does, so the widget, the webhook and the HTTP path say the
 * same. Reads only `state`, its detail (`reason`, `scope` or `step`),
 * `userAction`, `error`, and `provider` and `event` as override keys: ids and
 * the provider's messages never reach the text.
 *
 * @example
 * ```ts
 * import { renderConnectionEvent } from 'aggregator-errors/messages';
 *
 * const message = renderConnectionEvent(event, { locale: navigator.language });
 * if (message !== undefined) showBanner(message.title, message.body, message.action.label);
 * ```
 *
 * @public
 */
export function renderConnectionEvent(event: unknown, options?: EventRenderOptions): RenderedMessage | undefined {
  try {
    return render(event, options ?? {});
  } catch {
    // Hostile options (a throwing getter, a revoked proxy): the built-in English texts; hostile events: nothing.
    try {
      return render(event, {});
    } catch {
      return undefined;
    }
  }
}
