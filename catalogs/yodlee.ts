import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const ERRORS = 'https://developer.yodlee.com/resources/yodlee/error-codes';
const STATUS = 'https://github.com/Yodlee/java-sdk/blob/master/yodlee-api-model/src/main/java/com/yodlee/api/model/enums/AdditionalStatusType.java';
const CONSENT = 'https://github.com/Yodlee/java-sdk/blob/master/yodlee-api-model/src/main/java/com/yodlee/api/model/enums/VerificationRequestFailedReason.java';
const MIRROR = 'https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors';

const data = {
  id: 'yodlee',
  name: 'Yodlee',
  source: ERRORS,
  body: { code: ['errorCode'], message: ['errorMessage'], requestId: ['referenceCode'] },
  codes: {
    Y001: {
      kind: 'auth',
      statuses: [401],
      message: 'loginName and password required',
      description: 'The login name or password was not provided to the cobrand (customer) login or user login services.',
      source: ERRORS,
    },
    Y002: {
      kind: 'auth',
      statuses: [401],
      message: 'Invalid loginName/password',
      description: 'An incorrect login name or password was provided to the cobrand (customer) or user login services.',
      source: ERRORS,
    },
    Y003: {
      kind: 'auth',
      statuses: [401],
      message: 'Account is locked, contact Yodlee Customer Service',
      description:
        'The allowed number of login attempts was exceeded by passing an incorrect password seven consecutive times, and the account is locked; or the trial period in the developer portal environment has ended.',
      note: 'The locked account is our own Yodlee login, not the end user’s bank account: auth, so it pages.',
      source: ERRORS,
    },
    Y005: {
      kind: 'auth',
      statuses: [401],
      message: 'Suspended user',
      description: 'The login name provided is for a suspended user. Contact Yodlee Customer Service.',
      source: ERRORS,
    },
    Y006: {
      kind: 'auth',
      statuses: [401],
      message: 'Unregistered user',
      description: 'A user session was provided for a user who has been unregistered from the system.',
      source: ERRORS,
    },
    Y007: {
      kind: 'auth',
      statuses: [401],
      message: 'Authorization header missing',
      description: 'The required authorization header parameter was not provided while invoking the API services.',
      source: ERRORS,
    },
    Y008: {
      kind: 'auth',
      statuses: [401],
      message: 'Invalid token in authorization header',
      description: 'The admin access or user access token provided is invalid or has expired: regenerate it.',
      note: 'Tokens expire routinely: a gateway regenerates the token once before treating this as our credentials being broken.',
      source: ERRORS,
    },
    Y301: {
      kind: 'auth',
      statuses: [400],
      message: 'Invalid clientId or secret',
      description: 'The client credentials provided are invalid.',
      note: 'Documented with HTTP 400, not 401; the client id and secret are our own API credentials, so it pages.',
      source: ERRORS,
    },
    Y800: {
      kind: 'invalid-request',
      message: 'Invalid value for {name}',
      description: 'A parameter value is invalid, e.g. an incorrect data type or deleted data.',
      source: ERRORS,
    },
    Y801: {
      kind: 'invalid-request',
      message: 'Invalid length for {name}',
      description: 'The length of a parameter is not as expected.',
      source: ERRORS,
    },
    Y802: { kind: 'invalid-request', message: '{name} not allowed', description: 'The parameter or value provided is not allowed.', source: ERRORS },
    Y803: { kind: 'invalid-request', description: 'A required parameter is missing.', source: ERRORS },
    Y804: {
      kind: 'invalid-request',
      message: 'Permitted values of {name} between {min} - {max}',
      description: 'The parameter value is not in the acceptable range.',
      note: 'The docs’ sample error body is this code: {"errorCode":"Y804","errorMessage":"Permitted values of top between 1 - 500"}.',
      source: ERRORS,
    },
    Y805: { kind: 'invalid-request', message: 'Multiple {name} not supported', description: 'Only a single value can be provided for this parameter.', source: ERRORS },
    Y806: { kind: 'invalid-request', message: 'Invalid Input', description: 'An invalid parameter name or JSON was provided.', source: ERRORS },
    Y807: { kind: 'not-found', message: 'Resource not found', description: 'The requested resource was not found.', source: ERRORS },
    INCORRECT_CREDENTIALS: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'dataset.additionalStatus',
      description: 'Unable to log in to the provider site due to incorrect credentials. Instruct the user to provide the correct credentials by invoking the edit account flow.',
      source: STATUS,
      hints: { userAction: 'reenter-credentials' },
    },
    CREDENTIALS_UPDATE_NEEDED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'dataset.additionalStatus',
      description:
        'Unable to log in to the provider site due to outdated credentials; the site may be prompting the user to change or verify them. Instruct the user to act at the provider site, then update the credentials through the edit account flow.',
      source: STATUS,
      hints: { userAction: 'visit-institution' },
    },
    ACCOUNT_LOCKED: {
      kind: 'reconnect-required',
      detail: 'account-locked',
      arrives: 'dataset.additionalStatus',
      description:
        'The account is locked at the provider site after too many incorrect login attempts. Instruct the user to visit the provider site and unlock the account.',
      source: STATUS,
      hints: { userAction: 'visit-institution' },
    },
    ADDL_AUTHENTICATION_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'connection',
      arrives: 'dataset.additionalStatus',
      description: 'Additional MFA information is needed at the provider site.',
      note: 'Yodlee’s SDK leaves this value’s description empty; the description is Yodlee’s documentation table as quoted in third-party code, and the SDK’s USER_INPUT_REQUIRED reads "Additional MFA information required from the user". As a dataset’s final status the refresh has stopped, and only an update with the user present can continue it.',
      source: STATUS,
    },
    INVALID_ADDL_INFO_PROVIDED: {
      kind: 'mfa-expired',
      arrives: 'dataset.additionalStatus',
      description: 'The user has provided incorrect MFA information or the MFA information provided has expired. Instruct the user to provide the correct MFA information.',
      source: STATUS,
    },
    USER_ACTION_NEEDED_AT_SITE: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      arrives: 'dataset.additionalStatus',
      description: 'The user must take action at the provider site, e.g. accept terms and conditions.',
      source: STATUS,
      hints: { userAction: 'visit-institution' },
    },
    NEW_AUTHENTICATION_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'connection',
      arrives: 'dataset.additionalStatus',
      description: 'The site has requested OAuth authentication; OAuth sites can be added or updated only through Yodlee FastLink, not the APIs.',
      source: STATUS,
    },
    ENROLLMENT_REQUIRED_FOR_DATASET: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      arrives: 'dataset.additionalStatus',
      description: 'The dataset cannot be retrieved as the user has not enrolled for it. Instruct the user to enroll for the dataset and then request it.',
      source: STATUS,
      hints: { userAction: 'visit-institution' },
    },
    CONSENT_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus',
      description: 'The user has to provide consent to access the account information through Open Banking (edit account flow).',
      source: CONSENT,
    },
    CONSENT_EXPIRED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus',
      description: 'The consent provided by the user to access the account information through Open Banking has expired (edit account flow).',
      source: CONSENT,
    },
    CONSENT_REVOKED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus',
      description: 'The user has revoked the consent to access the account information through Open Banking (add account flow).',
      source: CONSENT,
    },
    INCORRECT_OAUTH_TOKEN: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus',
      description: 'Failed to log in to the Open Banking provider site due to an incorrect token. Instruct the user to provide the consent through the edit account flow.',
      source: CONSENT,
    },
    SITE_UNAVAILABLE: {
      kind: 'fi-unavailable',
      detail: 'maintenance',
      arrives: 'dataset.additionalStatus',
      description: 'The provider site is unavailable due to issues such as the site being down for maintenance. Try again later.',
      source: STATUS,
    },
    UNEXPECTED_SITE_ERROR: {
      kind: 'fi-unavailable',
      detail: 'down',
      arrives: 'dataset.additionalStatus',
      description: 'Any error indicating issues at the provider site, such as the site being down for maintenance. Try again later.',
      source: STATUS,
    },
    SITE_BLOCKING_ERROR: {
      kind: 'fi-unavailable',
      arrives: 'dataset.additionalStatus',
      description: 'The Yodlee IP is blocked by the provider site. Try again later; report it if it repeats.',
      source: STATUS,
    },
    SITE_SESSION_INVALIDATED: {
      kind: 'fi-unavailable',
      arrives: 'dataset.additionalStatus',
      description: 'Multiple sessions, or the session was terminated by the provider site. Try again later.',
      source: STATUS,
    },
    REQUEST_TIME_OUT: {
      kind: 'fi-unavailable',
      arrives: 'dataset.additionalStatus',
      description: 'The request has timed out due to technical reasons. Try again later; report it if it repeats.',
      note: 'A dataset’s refresh timed out, not our HTTP call to Yodlee: one user’s refresh waits, nothing pages.',
      source: STATUS,
    },
    DATA_RETRIEVAL_FAILED: {
      kind: 'fi-unavailable',
      arrives: 'dataset.additionalStatus',
      description: 'Failed to retrieve the data due to unexpected issues. Try again later; report it if it repeats.',
      source: STATUS,
    },
    PARTIAL_DATA_RETRIEVED: {
      kind: 'fi-unavailable',
      detail: 'incomplete-data',
      arrives: 'dataset.additionalStatus',
      description: 'Partial data is retrieved for the dataset. Try again if mandatory data is missing.',
      source: STATUS,
    },
    BETA_SITE_DEV_IN_PROGRESS: {
      kind: 'fi-unavailable',
      arrives: 'dataset.additionalStatus',
      description: 'The site for which the data is requested is in the development or beta stage. Try again later or disable beta sites.',
      note: 'Yodlee’s SDK leaves this value’s description empty; the description is Yodlee’s documentation table as quoted in third-party code.',
      source: STATUS,
    },
    TECH_ERROR: {
      kind: 'provider-unavailable',
      detail: 'server-error',
      arrives: 'dataset.additionalStatus',
      description: 'There is a technical error. Try again later; report it if it repeats.',
      note: 'A status on one user’s dataset, not a failed API call: counted, not paged (alert on its rate instead).',
      source: STATUS,
      hints: { severity: 'ticket' },
    },
    SITE_NOT_SUPPORTED: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description: 'The site does not support the requested data, or support is not available to complete the requested action (e.g. document download not supported).',
      source: STATUS,
    },
    DATA_NOT_AVAILABLE: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description: 'The requested data or document is not available at the provider site. Instruct the user to check with the data provider or provider site.',
      source: STATUS,
      hints: { userAction: 'visit-institution' },
    },
    DATASET_NOT_SUPPORTED: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description: 'The requested datasets are not supported. Either get the dataset or attribute enabled, or remove it from the input.',
      note: 'Only we can act (our Yodlee configuration or our request), so the owner is the integrator.',
      source: STATUS,
      hints: { owner: 'integrator', userAction: 'none', severity: 'ticket' },
    },
  },
  pending: [
    { step: 'refresh', code: 'LOGIN_IN_PROGRESS', description: 'Login to the provider site is in progress; not a final status.', source: STATUS },
    { step: 'refresh', code: 'DATA_RETRIEVAL_IN_PROGRESS', description: 'Data aggregation is in progress; not a final status.', source: STATUS },
    { step: 'refresh', code: 'ACCT_SUMMARY_RECEIVED', description: 'Basic account data is retrieved; not a final status.', source: STATUS },
  ],
  notes: [
    'Error codes follow the format YNNN; Yodlee does not change them and may add new ones. Y0NN are authentication errors (HTTP 401). An unknown code classifies by its HTTP status.',
    'referenceCode is Yodlee’s unique identifier for troubleshooting a request, and is read as the request id.',
    `The stored copy of Yodlee’s error page ends inside the authentication table, after Y008. Y301 and Y800-Y807 are encoded from the project’s provider facts for that page; their messages and HTTP 400 also appear in a third-party mirror of the page (${MIRROR}), which is why Y8NN carry no documented status here. Y009-Y011, Y302, Y303, Y309 and the Y400 and Y013 families appear only in that mirror and are left out.`,
    'dataset.additionalStatus values arrive in providerAccount responses and refresh webhooks, not as HTTP errors: normalize them as a bare code, e.g. { provider: \'yodlee\', code: \'INCORRECT_CREDENTIALS\' }. Descriptions come from Yodlee’s official SDK, whose enums carry the documentation’s descriptions and next actions.',
    'AVAILABLE_DATA_RETRIEVED (success) is not a failure and is left out. PROPERTY_VALUE_NOT_AVAILABLE (a real-estate property value the user must provide) and MIGRATION_IN_PROGRESS (seen only in third-party code) are left out.',
    'The consent statuses are documented in the SDK’s verification failure reasons; the project’s provider facts list them among dataset.additionalStatus values.',
  ],
} as const;

/**
 * The Yodlee catalog: API error codes (YNNN) and dataset additional statuses, as Yodlee documents them.
 *
 * @public
 */
export const yodlee: Catalog<typeof data> = defineCatalog(data);
