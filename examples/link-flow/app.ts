/**
 * A frontend's link flow: recorded callbacks and messages of the link widgets
 * (no provider SDK, no network) go through the widget adapters, and what the
 * user would see is rendered with renderConnectionEvent; a gateway's
 * problem+json answer is rendered with renderMessage. `?lang=es` renders in
 * Spanish.
 *
 * Bundle it with esbuild (`npx esbuild examples/link-flow/app.ts --bundle
 * --format=esm --outfile=examples/link-flow/app.js`) and serve the folder; or run
 * test/example-link-flow.test.ts, which serves it to headless Chromium and keeps
 * a screenshot. In an application, import from 'aggregator-errors/widgets',
 * 'aggregator-errors/messages' and 'aggregator-errors/messages/es' instead.
 */
import type { ConnectionEvent } from '../../src/connections/event.js';
import { EVENT_MESSAGES_ES, MESSAGES_ES } from '../../src/messages/es.js';
import { renderConnectionEvent, renderMessage } from '../../src/messages/index.js';
import type { EventRenderOptions, RenderedMessage } from '../../src/messages/index.js';
import { aerosyncWidgetEvent, finicityConnectEvent, mxConnectEvent, plaidLinkEvent, tellerConnectEvent } from '../../src/widgets/index.js';
import { RECORDED_PROBLEM, RECORDED_RECOVERY } from './recorded.js';

/** One signal of the flow: where it came from, and the event or problem it became. */
interface Step {
  readonly id: string;
  readonly signal: string;
  readonly run: () => ConnectionEvent | Promise<ConnectionEvent> | { readonly problem: unknown };
}

/** Posts a message to this window and reads it back through MX's adapter, checking who sent it first. */
function postToSelf(data: unknown): Promise<ConnectionEvent> {
  return new Promise((resolve) => {
    const listener = (message: MessageEvent): void => {
      // Anything can post a message to a window: only the widget's origin is read (here, this page's).
      if (message.origin !== window.location.origin) return;
      window.removeEventListener('message', listener);
      resolve(mxConnectEvent('message', message.data));
    };
    window.addEventListener('message', listener);
    window.postMessage(data, window.location.origin);
  });
}

const STEPS: readonly Step[] = [
  {
    id: 'plaid-open',
    signal: 'Plaid Link onEvent OPEN',
    run: () => plaidLinkEvent('onEvent', { eventName: 'OPEN', metadata: { link_session_id: '356dbb28', timestamp: '2024-05-21T00:17:50Z' } }),
  },
  {
    id: 'plaid-cancel',
    signal: 'Plaid Link onExit, no error (requires_credentials)',
    run: () => plaidLinkEvent('onExit', { error: null, metadata: { status: 'requires_credentials', institution: null } }),
  },
  {
    id: 'plaid-error',
    signal: 'Plaid Link onExit, INVALID_CREDENTIALS',
    run: () =>
      plaidLinkEvent('onExit', {
        error: {
          error_type: 'ITEM_ERROR',
          error_code: 'INVALID_CREDENTIALS',
          error_message: 'the provided credentials were not correct',
          display_message: null,
        },
        metadata: { status: 'requires_credentials', institution: { name: 'Citizens Bank', institution_id: 'ins_20' } },
      }),
  },
  {
    id: 'plaid-unsupported',
    signal: 'Plaid Link onExit, institution_not_supported',
    run: () => plaidLinkEvent('onExit', { error: null, metadata: { status: 'institution_not_supported' } }),
  },
  {
    id: 'mx-denied',
    signal: 'MX Connect postMessage (JSON text), memberStatusUpdate 2',
    run: () =>
      postToSelf(
        JSON.stringify({
          mx: true,
          type: 'mx/connect/memberStatusUpdate',
          metadata: { user_guid: 'USR-123', session_guid: 'SES-123', member_guid: 'MBR-123', connection_status: 2 },
        }),
      ),
  },
  {
    id: 'mx-mfa',
    signal: 'MX Connect postMessage, memberStatusUpdate 3',
    run: () => postToSelf({ mx: true, type: 'mx/connect/memberStatusUpdate', metadata: { member_guid: 'MBR-123', connection_status: 3 } }),
  },
  {
    id: 'mx-connected',
    signal: 'MX Connect postMessage, memberConnected',
    run: () => postToSelf({ mx: true, type: 'mx/connect/memberConnected', metadata: { user_guid: 'USR-123', member_guid: 'MBR-123' } }),
  },
  {
    id: 'aerosync-error',
    signal: 'Aerosync widget onError, AC-117',
    run: () =>
      aerosyncWidgetEvent(
        'onError',
        'INCORRECT_CREDENTIALS | Code: AC-117 | Message: Sorry, we encountered an issue while linking your account. Please ensure your account and routing numbers are correct.',
      ),
  },
  { id: 'finicity-cancel', signal: 'Finicity Connect onCancel 100', run: () => finicityConnectEvent('onCancel', { code: 100, reason: 'exit' }) },
  { id: 'finicity-timeout', signal: 'Finicity Connect onError 1440', run: () => finicityConnectEvent('onError', { code: 1440, reason: 'timeout' }) },
  { id: 'teller-exit', signal: 'Teller Connect onExit', run: () => tellerConnectEvent('onExit') },
  { id: 'recovered', signal: 'Gateway: forwarded webhook event (Plaid LOGIN_REPAIRED)', run: () => JSON.parse(RECORDED_RECOVERY) as ConnectionEvent },
  { id: 'problem', signal: 'Gateway: problem+json 409 (Plaid ITEM_LOGIN_REQUIRED)', run: () => ({ problem: RECORDED_PROBLEM }) },
];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className !== undefined) node.className = className;
  return node;
}

function card(step: Step, state: string | undefined, message: RenderedMessage | undefined): HTMLLIElement {
  const item = element('li');
  item.dataset['testid'] = step.id;
  if (state !== undefined) item.dataset['state'] = state;
  const signal = element('div', step.signal, 'signal');
  if (state !== undefined) signal.append(element('span', state, 'state'));
  item.append(signal);
  if (message === undefined) {
    item.append(element('div', 'Nothing shown', 'nothing'));
    return item;
  }
  const box = element('div', undefined, 'message');
  const button = element('button', message.action.label);
  button.dataset['action'] = message.action.kind;
  box.append(element('h2', message.title), element('p', message.body), button);
  item.append(box);
  return item;
}

async function main(): Promise<void> {
  const lang = new URLSearchParams(window.location.search).get('lang') ?? navigator.language;
  document.documentElement.lang = lang;
  const options: EventRenderOptions = { locale: lang, locales: { es: { ...MESSAGES_ES, ...EVENT_MESSAGES_ES } } };
  const list = document.getElementById('flow');
  for (const step of STEPS) {
    const outcome = await step.run();
    if ('problem' in outcome) {
      const item = card(step, undefined, renderMessage(outcome.problem, options));
      item.dataset['kind'] = String((outcome.problem as { kind?: unknown }).kind);
      list?.append(item);
    } else {
      list?.append(card(step, outcome.state, renderConnectionEvent(outcome, options)));
    }
  }
  document.body.dataset['ready'] = 'true';
}

void main();
