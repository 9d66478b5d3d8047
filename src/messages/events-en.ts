import type { CompleteEventMessageCatalog } from './render-event.js';

/**
 * The built-in English texts of connection events: plain words, no provider detail.
 *
 * @remarks
 * `needs-reconnect`, and a `failed` event that carries an error, render the
 * error texts (`MESSAGES_EN`), so the banner and the HTTP path say the same.
 *
 * @public
 */
export const EVENT_MESSAGES_EN: CompleteEventMessageCatalog = {
  states: {
    connected: { title: 'Bank connected', body: 'Your bank is connected.' },
    recovered: { title: 'All good', body: 'Your bank connection is working again.' },
    expiring: { title: 'Reconnect soon', body: 'Your bank connection expires soon.' },
    revoked: { title: 'Connection removed', body: 'Your bank connection was removed.' },
    degraded: { title: 'Bank data delayed', body: 'Your bank data is delayed.' },
    pending: { title: 'Connecting', body: "We're connecting to your bank." },
    'new-accounts': { title: 'New accounts found', body: 'Your bank has accounts you have not shared.' },
    failed: { title: "Couldn't connect", body: "We couldn't connect to your bank." },
  },
  stateDetails: {
    'failed.institution-unsupported': { title: 'Bank not supported', body: "We can't connect to this bank." },
    'pending.mfa': { title: "Verify it's you", body: 'Your bank needs to verify your identity.' },
  },
};
