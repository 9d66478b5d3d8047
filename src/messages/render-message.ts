import type { UserAction } from '../taxonomy/hints.js';
import type { Kind } from '../taxonomy/kinds.js';
import type { CompleteMessageCatalog, MessageCatalog, MessageText } from './message-catalog.js';
import { MESSAGES_EN } from './messages-en.js';

/**
 * What a frontend shows: a title, a body and one call to action.
 *
 * @public
 */
export interface RenderedMessage {
  /** A short headline. */
  readonly title: string;
  /** One or two sentences for the end user. */
  readonly body: string;
  /** The one call to action: what to do (`kind`, to wire a handler) and the button's text. */
  readonly action: { readonly kind: UserAction; readonly label: string };
}

/**
 * How {@link renderMessage} picks its texts.
 *
 * @public
 */
export interface RenderOptions {
  /**
   * A BCP 47 tag (`'es-MX'`, or `'es_MX'` as some platforms write it); it falls back to its language (`'es'`), then to English.
   * @defaultValue `'en'`
   */
  readonly locale?: string;
  /**
   * Complete locales to render in, by language tag (`{ es: MESSAGES_ES }` from
   * `aggregator-errors/messages/es`): English is built in, every other language
   * is brought by the caller, so a bundle carries only the languages it imports.
   */
  readonly locales?: Readonly<Record<string, CompleteMessageCatalog>>;
  /** Overrides by locale tag; they win over the locale's own texts. */
  readonly messages?: Readonly<Record<string, MessageCatalog>>;
  /**
   * Use the text the provider wrote for end users (Plaid's `display_message`) as the body when the error has one.
   * @defaultValue `false`
   */
  readonly displayMessage?: boolean;
}

type Entry = MessageText | undefined;

// Lookups read own properties only: a code of "__proto__" or "constructor" finds nothing.
function own<T>(record: Readonly<Record<string, T>> | undefined, key: unknown): T | undefined {
  return typeof record === 'object' && record !== null && typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isAction(value: unknown): value is UserAction {
  return own(MESSAGES_EN.actions, value) !== undefined;
}

/** The fields the renderer reads, each read once (a getter cannot answer twice differently). */
interface Fields {
  readonly kind: unknown;
  readonly detail: unknown;
  readonly userAction: unknown;
  readonly provider: unknown;
  readonly code: unknown;
  readonly displayMessage: unknown;
}

// A gateway may send the normalized error, its JSON text, its problem+json body, or an AggregatorError's toJSON() ({ error: {...} }).
function readError(input: unknown): Fields {
  let value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  const field = (key: string): unknown => own(value as Record<string, unknown>, key);
  let kind = field('kind');
  if (kind === undefined) {
    const inner = field('error');
    if (typeof inner === 'object') {
      value = inner;
      kind = field('kind');
    }
  }
  return {
    kind,
    detail: kind === 'rate-limited' ? field('scope') : field('reason'),
    userAction: field('userAction'),
    provider: field('provider'),
    code: field('code'),
    displayMessage: field('displayMessage'),
  };
}

function render(input: unknown, options: RenderOptions): RenderedMessage {
  const error = readError(input);
  const kind: Kind = own(MESSAGES_EN.kinds, error.kind) === undefined ? 'unknown' : (error.kind as Kind);
  const detail = `${kind}.${String(error.detail)}`;
  const tag = String(options.locale ?? 'en').replace('_', '-');
  const language = tag.split('-')[0]?.toLowerCase();
  const custom = own(options.messages, tag) ?? own(options.messages, language);
  const base: CompleteMessageCatalog = own(options.locales, tag) ?? own(options.locales, language) ?? MESSAGES_EN;
  const entries: Entry[] = [];
  for (const layer of [custom, base]) {
    entries.push(
      own(own(layer?.codes, error.provider), error.code),
      own(layer?.providers, error.provider),
      own<MessageText>(layer?.details, detail),
      own<MessageText>(layer?.kinds, kind),
    );
  }
  let title: string | undefined;
  let body: string | undefined;
  let action: UserAction | undefined;
  let label: string | undefined;
  for (const entry of entries) {
    title ??= text(entry?.title);
    body ??= text(entry?.body);
    // A label belongs to its entry's action: labels of less specific entries do not apply once the action is decided.
    if (action === undefined) label ??= text(entry?.label);
    if (action === undefined && isAction(entry?.action)) action = entry.action;
  }
  if (options.displayMessage === true) body = text(error.displayMessage)?.slice(0, 500) ?? body;
  action ??= isAction(error.userAction) ? error.userAction : 'contact-support';
  return {
    title: title ?? base.kinds[kind].title,
    body: body ?? base.kinds[kind].body,
    action: { kind: action, label: label ?? text(own(custom?.actions, action)) ?? base.actions[action] },
  };
}

/**
 * Renders a normalized error (or its JSON from a gateway) as end-user text; never throws.
 *
 * @remarks
 * Reads only `kind`, its detail (`reason` or `scope`), `userAction`, and
 * `provider` and `code` as override keys; the provider's developer message,
 * codes and request ids never reach the text. A missing or unknown `kind`
 * renders the `unknown` message; a missing or unknown `userAction`, the
 * `contact-support` action (the kinds' defaults stay out of the bundle).
 *
 * @example
 * ```ts
 * import { renderMessage } from 'aggregator-errors/messages';
 *
 * const { title, body, action } = renderMessage(await response.json(), { locale: navigator.language });
 * ```
 *
 * @public
 */
export function renderMessage(error: unknown, options?: RenderOptions): RenderedMessage {
  try {
    return render(error, options ?? {});
  } catch {
    // Hostile input (invalid JSON text, throwing getters, revoked proxies): the unknown message, in the asked language if possible.
    try {
      return render(undefined, { locale: String(options?.locale), ...(options?.locales === undefined ? {} : { locales: options.locales }) });
    } catch {
      return render(undefined, {});
    }
  }
}
