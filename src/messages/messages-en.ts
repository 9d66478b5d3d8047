import type { CompleteMessageCatalog } from './message-catalog.js';

/**
 * The built-in English texts: plain words, no provider detail.
 *
 * @public
 */
export const MESSAGES_EN: CompleteMessageCatalog = {
  kinds: {
    auth: { title: "Can't connect right now", body: 'A problem on our side blocks the connection.' },
    'invalid-request': { title: 'Something went wrong', body: "We couldn't complete your request." },
    'not-found': { title: 'Not found', body: 'This account or connection no longer exists.' },
    conflict: { title: 'Already in progress', body: "We're already working on this." },
    'rate-limited': { title: 'Too many attempts', body: 'Please wait before trying again.' },
    'mfa-expired': { title: 'Verification timed out', body: 'The security check expired. Please start again.' },
    'reconnect-required': { title: 'Reconnect your bank', body: 'Your bank connection needs attention.' },
    'manual-link-unsupported': { title: 'Not available', body: "This isn't available for manually added accounts." },
    unsupported: { title: 'Not supported', body: "Your bank or account doesn't support this." },
    'no-accounts': { title: 'No eligible accounts', body: 'We found no account we can use at this bank.' },
    'fi-unavailable': { title: "Your bank isn't responding", body: 'Your bank is temporarily unavailable.' },
    'provider-unavailable': { title: 'Temporarily unavailable', body: "We're having trouble connecting. Please try again soon." },
    unknown: { title: 'Something went wrong', body: 'An unexpected error occurred.' },
  },
  // Kinds whose detail changes what the end user should know; other details use the kind's text.
  details: {
    // True for every documented cause: a wrong password at first link, a changed one, a login the bank wants again.
    'reconnect-required.credentials': { title: 'Check your bank login', body: "Your bank didn't accept the sign-in details. Please sign in again." },
    // Consent expired, was withdrawn, or was never given for what is asked.
    'reconnect-required.consent': { body: 'Permission to share this account has ended or was not given.' },
    'reconnect-required.account-locked': { body: 'Your bank has locked this account. Contact your bank, or sign in on its website, to unlock it.' },
  },
  actions: {
    none: 'OK',
    wait: 'Try again later',
    reconnect: 'Reconnect',
    'reenter-credentials': 'Update login',
    'visit-institution': 'Go to your bank',
    'restart-mfa': 'Start again',
    'link-another-account': 'Link another account',
    'contact-support': 'Contact support',
  },
};
