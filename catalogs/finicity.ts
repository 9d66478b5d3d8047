import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const AGGREGATION = 'https://docs.finicity.com/aggregation-status-codes/';
const API_ERRORS = 'https://docs.finicity.com/api-errors/';
const SUPPORT = 'https://support.finicity.com/hc/en-us/articles/201750879-Error-Codes-and-Aggregation-Status-Codes';
const FIX = 'https://developer.mastercard.com/open-finance-us/documentation/errors/data-connect-fix/';
const CODE_PAGE = 'https://developer.mastercard.com/open-finance-us/documentation/errors/error-codes';
const INTERRUPTIONS_AU =
  'https://developer.mastercard.com/open-finance-au/documentation/errors/institutionerrors/connection-interrupt/existing-connection-interruptions/';

const data = {
  id: 'finicity',
  name: 'Finicity (Mastercard Open Banking)',
  source: AGGREGATION,
  baseUrls: { production: 'https://api.finicity.com' },
  body: { code: ['code'], message: ['message'], encode: { code: 'number' } },
  codes: {
    // Aggregation status codes: HTTP 500 during API calls, and the account's aggregationStatusCode.
    '101': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An existing connection to the financial institution is down; adding accounts may fail.',
      source: `${CODE_PAGE}/101/`,
    },
    '102': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An existing connection to the financial institution is down; adding accounts may fail.',
      note: 'Listed with 101 and 104 under existing connection interruptions in the Australian edition of the docs; the US page for this code was not in the stored copy.',
      source: INTERRUPTIONS_AU,
    },
    '103': {
      kind: 'reconnect-required',
      detail: 'credentials',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      message: 'The login credentials you entered are not valid for this account. Please log into your bank’s site and make sure you have access and then try again. Error code 103',
      description: 'While adding an account, the customer entered the wrong credentials; on an account already added, the credentials have changed and need to be updated.',
      note: 'Resolvable with Data Connect Fix.',
      source: AGGREGATION,
      hints: { userAction: 'reenter-credentials' },
    },
    '104': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An existing connection to the financial institution is down; adding accounts may fail.',
      source: `${CODE_PAGE}/104/`,
    },
    '105': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An existing connection to the financial institution is down; adding accounts may fail.',
      note: 'Listed with 101 and 104 under existing connection interruptions in the Australian edition of the docs; the US page for this code was not in the stored copy.',
      source: INTERRUPTIONS_AU,
    },
    '108': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      message: 'User action is required at your financial institution. Log into your financial institution and check if you have any actions that need to be taken. Error code 108',
      description: 'The financial institution shows a prompt the customer must resolve (e.g. accept new terms, or an invitation to e-statements) before accounts can be added or aggregated again.',
      note: 'Resolvable with Data Connect Fix once the user has acted at the bank.',
      source: AGGREGATION,
      hints: { userAction: 'visit-institution' },
    },
    '109': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'The financial institution needs something from the end user before aggregation can continue.',
      note: 'The stored copy of the docs cuts this row off after "Your financial institution is requiring"; resolvable with Data Connect Fix.',
      source: `${CODE_PAGE}/109/`,
      hints: { userAction: 'visit-institution' },
    },
    '185': {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'The financial institution asked a multi-factor (MFA) challenge that the end user must answer.',
      note: 'Not a pending step: the call has failed with HTTP 500 and no MFA session is open to answer; the user answers the challenge through Data Connect Fix.',
      source: FIX,
      hints: { userAction: 'reconnect' },
    },
    '187': {
      kind: 'reconnect-required',
      detail: 'credentials',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'The end user gave incorrect answers to the MFA challenge.',
      note: 'Resolvable with Data Connect Fix.',
      source: FIX,
      hints: { userAction: 'reconnect' },
    },
    '204': {
      kind: 'fi-unavailable',
      detail: 'unknown',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'A connection to the selected financial institution encountered an unknown error.',
      note: 'The docs\' remediation category is "Report or Escalate for Investigation": a ticket.',
      source: `${CODE_PAGE}/204/`,
      hints: { severity: 'ticket' },
    },
    '910': {
      kind: 'fi-unavailable',
      detail: 'down',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An existing connection to the financial institution is down; adding accounts may fail.',
      source: `${CODE_PAGE}/910/`,
    },
    '945': {
      kind: 'reconnect-required',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An aggregation status code the docs list as resolvable with Data Connect Fix.',
      source: FIX,
    },
    '946': {
      kind: 'reconnect-required',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An aggregation status code the docs list as resolvable with Data Connect Fix.',
      source: FIX,
    },
    '947': {
      kind: 'reconnect-required',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An aggregation status code the docs list as resolvable with Data Connect Fix.',
      source: FIX,
    },
    '948': {
      kind: 'reconnect-required',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'An aggregation status code the docs list as resolvable with Data Connect Fix.',
      source: FIX,
    },
    '11000': {
      kind: 'fi-unavailable',
      detail: 'unknown',
      statuses: [500],
      arrives: 'aggregationStatusCode',
      description: 'A connection to the selected financial institution encountered an unknown error.',
      note: 'The docs\' remediation category is "Report or Escalate for Investigation": a ticket.',
      source: `${CODE_PAGE}/11000/`,
      hints: { severity: 'ticket' },
    },
    // API error codes.
    '331': {
      kind: 'mfa-expired',
      statuses: [408],
      description: 'Expired MFA session.',
      note: 'Comes as HTTP 408: the code wins over the generic meaning of 408 (a provider timeout).',
      source: SUPPORT,
    },
    '10005': {
      kind: 'invalid-request',
      statuses: [400],
      description: 'Missing Parameter: a required field was left blank, or contained only whitespace.',
      source: API_ERRORS,
    },
    '10023': {
      kind: 'auth',
      statuses: [401],
      description: 'Expired Finicity-App-Token: get a new partner token.',
      source: API_ERRORS,
    },
    '10106': {
      kind: 'invalid-request',
      statuses: [400],
      description: 'Invalid Account Type.',
      source: SUPPORT,
    },
    '110039': {
      kind: 'invalid-request',
      statuses: [500],
      description: 'Username is not as per the policy (see the username constraints of Customers).',
      note: 'Documented with HTTP 500 although the request is at fault.',
      source: API_ERRORS,
    },
    '325': {
      kind: 'conflict',
      statuses: [500],
      description: 'The account is currently being aggregated: call Get Customer Account until aggregationStatusCode is 0 and aggregationSuccessDate is at or after aggregationAttemptDate.',
      note: 'The docs print 325 and 5006 in one row.',
      source: API_ERRORS,
    },
    '5006': {
      kind: 'conflict',
      statuses: [500],
      description: 'The account is currently being aggregated: call Get Customer Account until aggregationStatusCode is 0 and aggregationSuccessDate is at or after aggregationAttemptDate.',
      note: 'The docs print 325 and 5006 in one row.',
      source: API_ERRORS,
    },
    '18001': {
      kind: 'conflict',
      statuses: [409],
      description: 'A report is currently being generated for this customer; the second Generate Report call is ignored.',
      source: API_ERRORS,
    },
  },
  notes: [
    'Aggregation status codes that happen during API calls come back as HTTP 500 with the code in the body, and are stored in the aggregationStatusCode of the customer\'s accounts.',
    'Aggregation status code 0 means the account is aggregating successfully: it is not an error and is not in codes (a bare 0 classifies as unknown).',
    'Codes are JSON numbers in the body; they are compared as strings.',
    'A 500 with an aggregation code this catalog does not know falls back to the generic meaning of 500.',
  ],
} as const;

/**
 * The Finicity catalog: aggregation status codes (HTTP 500) and API error codes from Finicity's docs.
 *
 * @public
 */
export const finicity: Catalog<typeof data> = defineCatalog(data);
