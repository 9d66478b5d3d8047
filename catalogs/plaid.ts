import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const ERRORS = 'https://plaid.com/docs/errors/';
const ITEM = 'https://plaid.com/docs/errors/item/';
const INSTITUTION = 'https://plaid.com/docs/errors/institution/';
const API = 'https://plaid.com/docs/errors/api/';
const INVALID_INPUT = 'https://plaid.com/docs/errors/invalid-input/';
const INVALID_REQUEST = 'https://plaid.com/docs/errors/invalid-request/';
const RATE_LIMIT = 'https://plaid.com/docs/errors/rate-limit-exceeded/';
const SANDBOX = 'https://plaid.com/docs/sandbox/test-credentials/';
const CUSTOM_USER = 'https://plaid.com/docs/sandbox/user-custom/';

// Why a code has no `statuses`: the stored copy of its section ends before the sample body.
const STATUS_NOT_SEEN = 'The HTTP status of this code was not in the stored copy of its page; it is classified by error_code alone, as Plaid asks.';
// Why a code is here although its section was not read.
const FORCEABLE = "Named among the error codes a Sandbox custom user can force on Item creation (force_error in the configuration object, https://plaid.com/docs/sandbox/user-custom/); its error_type is the one Plaid's own Link SDKs group it under. The HTTP status was not read; it is classified by error_code alone.";

const data = {
  id: 'plaid',
  name: 'Plaid',
  source: ERRORS,
  baseUrls: { sandbox: 'https://sandbox.plaid.com', production: 'https://production.plaid.com' },
  body: {
    code: ['error_code'],
    message: ['error_message'],
    displayMessage: ['display_message'],
    requestId: ['request_id'],
    category: ['error_type'],
    status: ['status'],
  },
  codes: {
    // ITEM_ERROR: https://plaid.com/docs/errors/item/
    ACCESS_NOT_GRANTED: {
      kind: 'reconnect-required',
      detail: 'consent',
      category: 'ITEM_ERROR',
      statuses: [400],
      message: 'access to this product was not granted for the account',
      description: 'The user did not grant necessary permissions for their account, or revoked access to the data the product needs.',
      note: 'Plaid resolves it by sending the user through Link (update mode) to share the required data: a consent problem of the end user.',
      source: ITEM,
    },
    INSTANT_MATCH_FAILED: {
      kind: 'unsupported',
      category: 'ITEM_ERROR',
      statuses: [400],
      description: 'Instant Match could not be initialized for the Item; Plaid then tries a micro-deposit based verification flow.',
      source: ITEM,
    },
    INVALID_CREDENTIALS: {
      kind: 'reconnect-required',
      detail: 'credentials',
      category: 'ITEM_ERROR',
      description: 'The credentials the user entered were not correct (an Item error that occurs during the Link flow).',
      note: `Listed as an Item error on the errors overview. ${STATUS_NOT_SEEN}`,
      source: ITEM,
      hints: { userAction: 'reenter-credentials' },
    },
    INVALID_MFA: {
      kind: 'reconnect-required',
      detail: 'credentials',
      category: 'ITEM_ERROR',
      description: 'The answers the user gave to the multi-factor authentication challenge were not correct.',
      note: FORCEABLE,
      source: ITEM,
      hints: { userAction: 'restart-mfa' },
    },
    ITEM_LOCKED: {
      kind: 'reconnect-required',
      detail: 'account-locked',
      category: 'ITEM_ERROR',
      description: 'The institution locked the user out after repeated failed attempts at authenticating; logging in at the institution usually clears the lock.',
      note: `Described in Plaid's support article on ITEM_LOCKED, which links to the Item errors page. ${STATUS_NOT_SEEN}`,
      source: ITEM,
      hints: { userAction: 'visit-institution' },
    },
    ITEM_LOGIN_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      category: 'ITEM_ERROR',
      description: 'The Item has expired credentials or consent: the user must log in again through Link update mode.',
      note: `First of the most common errors on the errors overview. It also stands for expired consent; its reason stays 'credentials' because Plaid fixes both the same way (update mode). ${STATUS_NOT_SEEN}`,
      source: ITEM,
    },
    ITEM_NOT_SUPPORTED: {
      kind: 'unsupported',
      category: 'ITEM_ERROR',
      description: 'Plaid cannot connect this account at this time.',
      note: FORCEABLE,
      source: ITEM,
    },
    MFA_NOT_SUPPORTED: {
      kind: 'unsupported',
      category: 'ITEM_ERROR',
      description: 'The multi-factor authentication the institution asked for is not supported.',
      note: FORCEABLE,
      source: ITEM,
    },
    NO_ACCOUNTS: {
      kind: 'no-accounts',
      category: 'ITEM_ERROR',
      description: 'The login succeeded, but no eligible account was found for the Item.',
      note: FORCEABLE,
      source: ITEM,
    },
    PRODUCT_NOT_READY: {
      kind: 'conflict',
      category: 'ITEM_ERROR',
      description: "Plaid hasn't finished obtaining the data needed to fulfill the request.",
      note: `Nobody has to act: the data is still being fetched (Plaid announces it with a webhook), so it is classified as a running job to wait for. ${STATUS_NOT_SEEN}`,
      source: ITEM,
    },
    PRODUCTS_NOT_SUPPORTED: {
      kind: 'unsupported',
      category: 'ITEM_ERROR',
      description: "The product endpoint isn't compatible with this Item.",
      note: `Listed as an Item error among the most common errors on the errors overview. ${STATUS_NOT_SEEN}`,
      source: ITEM,
    },
    USER_SETUP_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      category: 'ITEM_ERROR',
      description: 'The user must take an action at their institution first (accept new terms and conditions, reset a password, finish setting up the account) before connecting.',
      note: `Described in Plaid's support article on USER_SETUP_REQUIRED, which links to the Item errors page. ${STATUS_NOT_SEEN}`,
      source: ITEM,
      hints: { userAction: 'visit-institution' },
    },
    // INSTITUTION_ERROR: https://plaid.com/docs/errors/institution/
    INSTITUTION_DOWN: {
      kind: 'fi-unavailable',
      detail: 'down',
      category: 'INSTITUTION_ERROR',
      statuses: [400],
      message: 'this institution is not currently responding to this request. please try again soon',
      description: 'The financial institution is down, either for maintenance or due to an infrastructure issue with their systems.',
      note: 'Documented with HTTP 400 although nobody made a mistake: classified on the code, never on the status.',
      source: INSTITUTION,
    },
    INSTITUTION_NOT_ENABLED_IN_ENVIRONMENT: {
      kind: 'invalid-request',
      category: 'INSTITUTION_ERROR',
      statuses: [400],
      message: 'Institution not enabled in this environment',
      description: 'The request references an institution that exists but is not enabled for this environment.',
      source: INSTITUTION,
    },
    INSTITUTION_NOT_FOUND: {
      kind: 'not-found',
      category: 'INSTITUTION_ERROR',
      statuses: [400],
      message: 'this institution was not found. Please check the ID supplied',
      description: 'This institution was not found; the institution ID supplied is wrong.',
      source: INSTITUTION,
    },
    INSTITUTION_NOT_RESPONDING: {
      kind: 'fi-unavailable',
      detail: 'down',
      category: 'INSTITUTION_ERROR',
      description: 'The financial institution is failing to respond to some of Plaid\'s requests; the user may succeed if they retry another time.',
      note: STATUS_NOT_SEEN,
      source: INSTITUTION,
    },
    INSTITUTION_NO_LONGER_SUPPORTED: {
      kind: 'unsupported',
      category: 'INSTITUTION_ERROR',
      description: 'Plaid no longer supports this financial institution.',
      note: FORCEABLE,
      source: INSTITUTION,
    },
    // API_ERROR: https://plaid.com/docs/errors/api/
    INTERNAL_SERVER_ERROR: {
      kind: 'provider-unavailable',
      detail: 'server-error',
      category: 'API_ERROR',
      statuses: [500],
      message: 'an unexpected error occurred',
      description: 'Plaid was unable to process the request: an unsupported response from the institution, or an internal Plaid issue.',
      source: API,
    },
    PLANNED_MAINTENANCE: {
      kind: 'provider-unavailable',
      detail: 'maintenance',
      category: 'API_ERROR',
      statuses: [503],
      description: "Plaid's systems are undergoing maintenance and API operations are disabled.",
      note: 'The stored copy of the API errors page ends before this sample body; the 503 is the status the errors overview gives for it.',
      source: API,
    },
    // INVALID_INPUT: https://plaid.com/docs/errors/invalid-input/
    DIRECT_INTEGRATION_NOT_ENABLED: {
      kind: 'invalid-request',
      category: 'INVALID_INPUT',
      statuses: [400],
      message: 'your client ID is only authorized to use Plaid Link. head to the docs (https://plaid.com/docs) to get started.',
      description: 'An attempt was made to create an Item without using Link.',
      source: INVALID_INPUT,
    },
    INCORRECT_DEPOSIT_AMOUNTS: {
      kind: 'invalid-request',
      category: 'INVALID_INPUT',
      statuses: [400],
      description: 'The user submitted incorrect Manual Same-Day micro-deposit amounts during Item verification in Link.',
      note: 'The input is the end user\'s, not ours: owned by the end user and counted, never paged.',
      source: INVALID_INPUT,
      hints: { owner: 'end-user', severity: 'info', userAction: 'reenter-credentials' },
    },
    INCORRECT_DEPOSIT_VERIFICATION: {
      kind: 'invalid-request',
      category: 'INVALID_INPUT',
      statuses: [400],
      description: 'The user submitted an incorrect Manual Same-Day micro-deposit verification input during Item verification in Link.',
      note: 'The input is the end user\'s, not ours: owned by the end user and counted, never paged.',
      source: INVALID_INPUT,
      hints: { owner: 'end-user', severity: 'info', userAction: 'reenter-credentials' },
    },
    INVALID_ACCESS_TOKEN: {
      kind: 'not-found',
      category: 'INVALID_INPUT',
      statuses: [400],
      message: 'could not find matching access token',
      description: 'The access_token is invalid, belongs to another API environment, or its Item was removed.',
      note: 'An access token names one Item, not our API keys: a bad one is a reference that does not resolve (not-found), so one removed Item never pages.',
      source: INVALID_INPUT,
    },
    INVALID_ACCOUNT_ID: {
      kind: 'not-found',
      category: 'INVALID_INPUT',
      description: 'One of the account_id(s) in the request is invalid or does not exist (the account may have been closed or its access revoked).',
      note: STATUS_NOT_SEEN,
      source: INVALID_INPUT,
    },
    INVALID_API_KEYS: {
      kind: 'auth',
      category: 'INVALID_INPUT',
      statuses: [400],
      description: 'The client_id or secret sent is invalid, does not exist, or belongs to a different account.',
      note: 'Documented with HTTP 400, not 401: classified on the code so that it pages. The stored copy of the Invalid Input page ends before its section; the description is from Plaid\'s support article and the status from the errors overview.',
      source: INVALID_INPUT,
    },
    INVALID_LINK_TOKEN: {
      kind: 'invalid-request',
      category: 'INVALID_INPUT',
      description: 'The link_token is invalid or expired; a new one must be created for Link.',
      note: FORCEABLE,
      source: INVALID_INPUT,
    },
    TOO_MANY_VERIFICATION_ATTEMPTS: {
      kind: 'rate-limited',
      detail: 'end-user',
      category: 'INVALID_INPUT',
      statuses: [400],
      description: 'The user attempted to verify their Manual Same-Day micro-deposit amounts more than 3 times and the Item is now permanently locked; the user must submit their account information in Link again.',
      note: 'A per-user lock that waiting does not lift: not retryable, the user links again.',
      source: INVALID_INPUT,
      hints: { retryable: false, userAction: 'reconnect', owner: 'end-user', severity: 'info' },
    },
    UNAUTHORIZED_ENVIRONMENT: {
      kind: 'auth',
      category: 'INVALID_INPUT',
      statuses: [400],
      message: 'you are not authorized to create items in this api environment. Go to the Dashboard (https://dashboard.plaid.com) to see which environments you are authorized for.',
      description: 'The client ID does not have access to this API environment.',
      source: INVALID_INPUT,
    },
    // INVALID_REQUEST: https://plaid.com/docs/errors/invalid-request/
    INCOMPATIBLE_API_VERSION: {
      kind: 'invalid-request',
      category: 'INVALID_REQUEST',
      statuses: [400],
      description: 'The request uses fields that are not compatible with the API version being used (e.g. a public_key instead of a client_id and secret).',
      source: INVALID_REQUEST,
    },
    INVALID_ACCOUNT_NUMBER: {
      kind: 'invalid-request',
      category: 'INVALID_REQUEST',
      statuses: [400],
      message: 'The provided account number was invalid.',
      description: 'In the Instant Match or micro-deposit Link flows, the user entered an account number whose last four digits do not match the account mask.',
      note: 'The number is the end user\'s input: owned by the end user and counted, never paged.',
      source: INVALID_REQUEST,
      hints: { owner: 'end-user', severity: 'info', userAction: 'reenter-credentials' },
    },
    INVALID_BODY: {
      kind: 'invalid-request',
      category: 'INVALID_REQUEST',
      statuses: [400],
      message: 'body could not be parsed as JSON',
      description: 'The request body was malformed JSON, or its content-type was not application/json.',
      source: INVALID_REQUEST,
    },
    INVALID_CONFIGURATION: {
      kind: 'invalid-request',
      category: 'INVALID_REQUEST',
      description: '/link/token/create was called with invalid configuration settings.',
      note: STATUS_NOT_SEEN,
      source: INVALID_REQUEST,
    },
    INVALID_FIELD: {
      kind: 'invalid-request',
      category: 'INVALID_REQUEST',
      description: 'A field of the request has an invalid value.',
      note: `The errors overview names it as an error caused only by sending invalid input. ${STATUS_NOT_SEEN}`,
      source: INVALID_REQUEST,
    },
    // RATE_LIMIT_EXCEEDED: https://plaid.com/docs/errors/rate-limit-exceeded/
    ACCOUNTS_LIMIT: {
      kind: 'rate-limited',
      detail: 'client',
      category: 'RATE_LIMIT_EXCEEDED',
      statuses: [429],
      message: 'rate limit exceeded for attempts to access this item. please try again later',
      description: 'Too many requests were made to /accounts/get (limits apply per Item and per client, per minute).',
      source: RATE_LIMIT,
    },
    ACCOUNTS_BALANCE_GET_LIMIT: {
      kind: 'rate-limited',
      detail: 'client',
      category: 'RATE_LIMIT_EXCEEDED',
      statuses: [429],
      message: 'rate limit exceeded for attempts to access this item. please try again later',
      description: 'Too many requests were made to /accounts/balance/get by a single client.',
      source: RATE_LIMIT,
    },
  },
  categories: {
    ITEM_ERROR: {
      kind: 'reconnect-required',
      detail: 'connection',
      description: "Item errors occur when an Item may be invalid or not supported on Plaid's platform.",
      note: 'An Item is one end user\'s connection, and Plaid resolves most documented Item errors by sending the user through Link: an Item error we do not know yet is a broken connection for the user to repair, never an integrator error (it must not fall to the 400 status fallback).',
      source: ERRORS,
    },
    INSTITUTION_ERROR: {
      kind: 'fi-unavailable',
      description: 'Institution errors occur when there are errors for the requested financial institution.',
      source: ERRORS,
    },
    API_ERROR: {
      kind: 'provider-unavailable',
      detail: 'server-error',
      description: 'API errors occur during planned maintenance and in response to API errors.',
      source: ERRORS,
    },
    INVALID_REQUEST: {
      kind: 'invalid-request',
      description: 'Invalid Request errors occur when a request is malformed and cannot be processed.',
      source: ERRORS,
    },
    INVALID_INPUT: {
      kind: 'invalid-request',
      description: 'Invalid Input errors occur when all fields are provided, but the values provided are incorrect in some way.',
      source: ERRORS,
    },
    RATE_LIMIT_EXCEEDED: {
      kind: 'rate-limited',
      detail: 'client',
      description: 'Rate Limit Exceeded errors occur when an excessive number of requests are made in a short period of time.',
      source: ERRORS,
    },
    SANDBOX_ERROR: {
      kind: 'invalid-request',
      description: 'Sandbox errors occur when invalid parameters are supplied in the Sandbox environment.',
      source: ERRORS,
    },
  },
  sandbox: [
    {
      field: 'password',
      value: 'error_{code}',
      with: { username: 'user_good' },
      description: 'With username user_good, the password error_<CODE> makes Item creation fail with that ITEM_ERROR or INSTITUTION_ERROR code; user_good / pass_good succeeds.',
      source: SANDBOX,
    },
    {
      field: 'password',
      value: '{"force_error":"{code}"}',
      with: { username: 'user_custom' },
      description: 'A custom Sandbox user whose configuration object (sent as the password) sets force_error forces that error on Item creation; the configuration schema lists the codes it accepts.',
      source: CUSTOM_USER,
    },
  ],
  notes: [
    'Plaid classifies errors by error_code and groups them by error_type; nearly every error, including INSTITUTION_DOWN and INVALID_API_KEYS, is HTTP 400, so this catalog has no endpoint tables and classifies on the code, then on error_type, and only then on the status.',
    'Plaid adds codes without versioning and does not rename them: a code missing here is classified by its error_type (categories), then by its status.',
    'display_message is meant for end users and is null when no user action helps; error_message is for developers. status appears in the body only inside webhooks.',
    'The stored copies of the per-type pages (item, institution, api, invalid-input, invalid-request, rate-limit-exceeded) hold only their opening sections. Codes whose sample body was read carry statuses; codes known from the errors overview or Plaid support articles carry none (see their notes).',
    'Not encoded because no stored Plaid page showing them could be read: the remaining Item codes (INSUFFICIENT_CREDENTIALS, INVALID_SEND_METHOD, INVALID_UPDATED_USERNAME, NO_AUTH_ACCOUNTS, NO_INVESTMENT_ACCOUNTS, NO_LIABILITY_ACCOUNTS, ...), INSTITUTION_REGISTRATION_REQUIRED, UNAUTHORIZED_INSTITUTION, MISSING_FIELDS, UNKNOWN_FIELDS, INVALID_HEADERS, NOT_FOUND, SANDBOX_ONLY, INVALID_PRODUCT, INVALID_PUBLIC_TOKEN, INVALID_PROCESSOR_TOKEN, UNAUTHORIZED_ROUTE_ACCESS, and the rate limit codes after ACCOUNTS_BALANCE_GET_LIMIT. They classify by error_type until a source is read. PLAID_ERROR and USER_INPUT_TIMEOUT, also forceable in the Sandbox, are left out: no Plaid source gives their error_type.',
  ],
} as const;

/**
 * The Plaid catalog: every error_code read on Plaid's error pages, with its error_type as category.
 *
 * @public
 */
export const plaid: Catalog<typeof data> = defineCatalog(data);
