import { defineCatalog } from '../src/catalog/define-catalog.js';
import type { Catalog } from '../src/catalog/types.js';

const data = {
  id: 'yodlee',
  name: 'Yodlee',
  source: 'docs',
  sources: {
    docs: 'https://developer.yodlee.com/resources/yodlee/error-codes',
    docsV11: 'https://developer.yodlee.com/Yodlee_API/docs/v1_1/API_Error_Codes',
    openapi: 'https://github.com/Yodlee/OpenAPI/blob/ada6cfe9341d935a7d13cf30e34a75cf0ce45139/swagger.yaml',
    sdk: 'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/resources/ValidationMessages_en.properties',
    additionalStatus:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/enums/AdditionalStatusType.java',
    eligibility:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/enums/EligibilityStatus.java',
    providerAccountStatus:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/provideraccounts/enums/ProviderAccountStatus.java',
    autoRefresh:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/account/enums/AutoRefreshAdditionalStatus.java',
    latestBalance:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/account/enums/AccountLatestBalanceFailedReason.java',
    verification:
      'https://github.com/Yodlee/java-sdk/blob/87a010a6304a76bdfeabcf65a103da0485917780/yodlee-api-model/src/main/java/com/yodlee/api/model/enums/VerificationRequestFailedReason.java',
  },
  baseUrls: {
    sandbox: 'https://sandbox.api.yodlee.com/ysl',
    development: 'https://development.api.yodlee.com/ysl',
    production: 'https://production.api.yodlee.com/ysl',
  },
  pathPrefix: '/ysl',
  body: { code: ['errorCode'], message: ['errorMessage'], requestId: ['referenceCode'] },
  codes: {
    // API error codes (errorCode): Yodlee's error page, its OpenAPI spec, its SDK; a few from a third-party mirror.
    Y001: {
      kind: 'auth',
      statuses: [401],
      message: 'loginName and password required',
      description:
        'The login name or password was not provided to the cobrand (customer) login or user login services. Provide the valid login name and password.',
      note: 'Two other wordings: the OpenAPI spec prints "User name and password required" on POST /cobrand/login (that row carries it), and Yodlee\'s SDK raises Y001 client-side for a missing or malformed cobrand login name or password. All are our own Yodlee login: auth.',
      source: 'docs',
    },
    Y002: {
      kind: 'auth',
      statuses: [401],
      message: 'Invalid loginName/password',
      description:
        'An incorrect login name or password was provided to the cobrand (customer) or user login services. Provide the valid login name and password.',
      source: 'docs',
    },
    Y003: {
      kind: 'auth',
      statuses: [401],
      message: 'Account is locked, contact Yodlee Customer Service',
      description:
        'The allowed number of login attempts was exceeded by passing an incorrect password seven consecutive times and the account is locked; or the trial period of the developer portal environment has ended. Contact Yodlee Customer Service.',
      note: 'The locked account is our own Yodlee login, not the end user\'s bank account (that is the additional status ACCOUNT_LOCKED): auth, so it pages. The OpenAPI spec prints "Account is locked, contact Yodlee customer care" on POST /cobrand/login; that row carries it.',
      source: 'docs',
    },
    Y004: {
      kind: 'auth',
      statuses: [400],
      message: 'Inactive user',
      note: 'Documented on POST /auth/token only, with HTTP 400. The token was asked for one Yodlee user whose record is inactive: the integrator acts, but for one user, so a ticket rather than a page.',
      source: 'openapi',
      hints: { severity: 'ticket' },
    },
    Y005: {
      kind: 'auth',
      statuses: [401],
      message: 'Suspended user',
      description: 'The login name provided is for a suspended user. Contact Yodlee Customer Service.',
      note: "The login may be our cobrand login or one registered user's; the docs do not tell them apart, so it keeps auth's page.",
      source: 'docs',
    },
    Y006: {
      kind: 'auth',
      statuses: [401],
      message: 'Unregistered user',
      description: 'A user session was provided for a user who has been unregistered from the system.',
      note: 'One Yodlee user we unregistered, not our platform credentials: a ticket rather than a page.',
      source: 'docs',
      hints: { severity: 'ticket' },
    },
    Y007: {
      kind: 'auth',
      statuses: [401, 400],
      message: 'Authorization header missing',
      description: 'The required authorization header parameter was not provided while invoking the API services.',
      note: "The docs page prints 401; the OpenAPI spec prints 401 on DELETE /auth/token and 400 on the payment processor endpoints (GET /partner/paymentProcessor/account, /balance, /holder, POST and DELETE /paymentProcessor/token). Encoded as documented: each endpoint's row keeps its status, and the code is auth whatever the status. (The third-party mirror repeats Y006's cause under Y007, a copying slip.)",
      source: 'docs',
    },
    Y008: {
      kind: 'auth',
      statuses: [401, 400],
      message: 'Invalid token in authorization header',
      description: 'The admin access or user access token provided is invalid or has expired: regenerate it.',
      note: "The docs page prints 401; the OpenAPI spec prints 400, on the payment processor endpoints only (GET /partner/paymentProcessor/account, /balance, /holder, POST and DELETE /paymentProcessor/token). Encoded as documented: auth at either status, each row with its own. Tokens expire routinely: a gateway regenerates the token once before treating this as our credentials being broken. Y020 is sent with the same message on the /auth/token endpoints. Severity ticket, not page: the docs' action is \"Regenerate the admin access/user access token as the token you have provided is invalid or has expir[ed]\", and a user access token is issued per Yodlee user (POST /auth/token with that user's loginName), so three users' stale tokens are no outage; our own client id and secret failing is Y301/Y303, which page.",
      source: 'docs',
      hints: { severity: 'ticket' },
      thirdParty:
        'The rest of the cause, cut from Yodlee\'s own page ("…or has expir"), only in the mirror: "OR The cobSession/userSession you provided is invalid or expired. Regenerate the session token from login services." (https://docs.fingoal.com/common-errors/yodlee-error-reference/api-authentication-errors)',
    },
    Y009: {
      kind: 'auth',
      statuses: [401],
      message: 'Session tokens missing',
      description: 'The required authorization header parameter was not provided while invoking the API services.',
      source: 'docs',
      thirdParty:
        "Code, status 401, message and cause read only in the third-party mirror of Yodlee's error page (https://docs.fingoal.com/common-errors/yodlee-error-reference/api-authentication-errors); Yodlee's own page is cut after Y008 and the OpenAPI spec does not use it.",
    },
    Y010: {
      kind: 'auth',
      statuses: [400, 401],
      message: 'Invalid session',
      note: 'The OpenAPI spec prints 400 (GET /derived/transactionSummary); the mirror prints 401. Both are encoded; auth either way.',
      source: 'openapi',
      thirdParty:
        'Status 401 and the cause "The cobSession you provided does not belong to the cobrand (customer)." only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/api-authentication-errors).',
    },
    Y011: {
      kind: 'auth',
      statuses: [401],
      message: 'Invalid cobrand (customer) or incorrectly configured cobrand',
      description:
        'Invalid configurations, e.g. PKI is not configured properly, or vendor configurations are incorrect for asset classification data. Contact Yodlee Customer Service.',
      source: 'docs',
      thirdParty:
        "Code, status 401, message and cause read only in the third-party mirror of Yodlee's error page (https://docs.fingoal.com/common-errors/yodlee-error-reference/api-authentication-errors); Yodlee's own page is cut after Y008.",
    },
    Y013: {
      kind: 'auth',
      statuses: [400],
      description: 'The SAML login was sent an invalid or missing samlResponse or issuer.',
      note: 'Two wordings: the OpenAPI spec prints "Invalid value for samlResponse" and "Invalid value for issuer" (POST /user/samlLogin, HTTP 400); Yodlee\'s SDK raises "The samlResponse value is required." and "The issuer value is required." client-side. Invalid or missing, it is our SAML login being rejected: auth (Y0NN), no message on the code so that either wording is kept as sent.',
      source: 'openapi',
    },
    Y015: { kind: 'auth', statuses: [401], message: 'Unauthorized User', source: 'openapi' },
    Y016: {
      kind: 'auth',
      statuses: [401, 400],
      description: 'A required header is missing: Api-Version, loginName (token requests) or processorToken (payment processor endpoints).',
      note: 'The OpenAPI spec prints 401 for "Api-Version header missing" and "loginName header missing" (POST and DELETE /auth/token) and 400 for "processorToken header missing" (the payment processor endpoints); the SDK raises Y016 client-side for a missing Api-Version, Cobrand-Name or loginName. A missing header is a malformed request, but Yodlee numbers it in the Y0NN authentication range and without the header no call authenticates: auth at either status.',
      source: 'openapi',
    },
    Y020: {
      kind: 'auth',
      statuses: [401],
      message: 'Invalid token in authorization header',
      note: "The OpenAPI spec sends Y020 with Y008's message on POST and DELETE /auth/token; Yodlee's SDK uses Y020 for JWT configuration errors (apiKey, privateKey or exp missing or out of range). Both are our own token: auth.",
      source: 'openapi',
    },
    Y023: {
      kind: 'auth',
      statuses: [401],
      message: 'Token has expired',
      note: 'Tokens expire routinely: a gateway regenerates the token once before treating this as our credentials being broken. Severity ticket, not page: the spec\'s wording, "Token has expired", is a token to renew (a user access token is issued per Yodlee user), not our client id and secret being rejected (Y301/Y303, which page).',
      source: 'openapi',
      hints: { severity: 'ticket' },
    },
    Y027: { kind: 'auth', statuses: [401], message: 'Unsupported authentication type', source: 'openapi' },
    Y301: {
      kind: 'auth',
      statuses: [400],
      message: 'Invalid clientId or secret',
      description: 'The client credentials provided are invalid.',
      note: 'Documented with HTTP 400, not 401; the client id and secret are our own API credentials, so it pages.',
      source: 'openapi',
      thirdParty:
        'The cause "The client credentials you provided is invalid." only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y302: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'A required header parameter is missing.',
      note: 'The message prints positional placeholders, "Missing header parameter {0},{1},{2},{3}", which a message template cannot hold; the catalog keeps no message, so the text is kept as sent. Not numbered in the Y0NN authentication range: invalid-request.',
      source: 'docs',
      thirdParty:
        'Code, status 400, message "Missing header parameter {0},{1},{2},{3}" and cause only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors); neither Yodlee\'s page (cut after Y008) nor the OpenAPI spec shows it.',
    },
    Y303: {
      kind: 'auth',
      statuses: [400],
      message: 'clientId or secret is missing',
      note: 'Our API credentials were not sent: every call fails, so it pages. The SDK raises it client-side as "The clientId is required." / "The secret is required."',
      source: 'openapi',
    },
    Y305: {
      kind: 'not-found',
      statuses: [400],
      message: 'Access token can be issued only for pre-registered users',
      note: 'POST /auth/token for a loginName that was never registered: the referenced user does not exist, so not-found (the integrator registers the user first), not auth.',
      source: 'openapi',
    },
    Y309: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'User already exists as an admin user, try registering user with different name',
      description: 'The loginName provided already exists as an admin user: register the user with a different name.',
      source: 'docs',
      thirdParty:
        'Code, status 400, message and cause only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y400: {
      kind: 'invalid-request',
      statuses: [400],
      note: 'Y400 is a generic code with five documented messages: "Categorization already in progress" (POST /transactions/categories/rules/{ruleId}, whose row is a conflict), "Rule already exists. Rule should be unique in terms of combination of description and amount", "classificationType mismatch", "classificationValue mismatch", "id and value in credentialsParam are mandatory". The code keeps no message; each row carries its own.',
      source: 'openapi',
    },
    Y800: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Invalid value for {name}',
      description: 'A parameter value is invalid.',
      note: 'The OpenAPI spec prints over a hundred instances ("Invalid value for accountId", "Invalid value for fromDate or toDate.fromDate and toDate cannot be older than 7 days", ...); rows carry none, so the parameter is read into params.name. The SDK raises Y800 client-side with its own wording ("The provided locale value is invalid.").',
      source: 'openapi',
      thirdParty:
        'The cause "Reasons could be incorrect data type, deleted data, etc." and the template "Invalid value for {0}" only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors); {0} is named {name} here.',
    },
    Y801: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Invalid length for {name}',
      description: 'The length of a parameter is not as expected.',
      source: 'openapi',
      thirdParty:
        'The template is the mirror\'s "Invalid length for {0}" with {0} named (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y802: {
      kind: 'invalid-request',
      statuses: [400],
      message: '{name} not allowed',
      description: 'The parameter or value provided is not allowed.',
      source: 'openapi',
      thirdParty:
        'The template is the mirror\'s "{0} not allowed" with {0} named (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y803: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'A required parameter is missing.',
      note: 'The spec\'s wordings vary ("accountId required", "consentId is required", "providerId is mandatory", "Invalid value for credentialsParam"): the code keeps no message and each row its own.',
      source: 'openapi',
      thirdParty:
        'The mirror prints the template "{0} required {1}" (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors), which no documented message follows exactly.',
    },
    Y804: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Permitted values of {name} between {min} - {max}',
      description: 'The parameter value is not in the acceptable range.',
      note: 'The docs\' sample error body is this code: {"errorCode":"Y804","errorMessage":"Permitted values of top between 1 - 500","referenceCode":"u1455707934756c4F23u"}.',
      source: 'docs',
      thirdParty:
        'The template is the mirror\'s "Permitted values of {0} between {1} - {2}" with {0} named (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y805: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Multiple {name} not supported',
      description: 'Only a single value can be provided for this parameter.',
      source: 'openapi',
      thirdParty:
        'The template is the mirror\'s "Multiple {0} not supported" with {0} named (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y806: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Invalid Input',
      description: 'An invalid parameter name or JSON was provided.',
      note: 'Printed "Invalid Input" and "Invalid input" on different endpoints; each row keeps its own.',
      source: 'openapi',
      thirdParty:
        'The cause "You have provided an invalid parameter name or JSON." only in the third-party mirror (https://docs.fingoal.com/common-errors/yodlee-error-reference/validation-errors).',
    },
    Y807: {
      kind: 'not-found',
      statuses: [400],
      message: 'Resource not found',
      note: 'Documented with HTTP 400, not 404; classified by the code.',
      source: 'openapi',
    },
    Y809: { kind: 'invalid-request', statuses: [400], message: 'Invalid date range', source: 'openapi' },
    Y811: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The value already exists (a real estate property value, a category name, a public key).',
      source: 'openapi',
    },
    Y812: { kind: 'invalid-request', statuses: [400], description: 'A required field or value is missing in the request.', source: 'openapi' },
    Y813: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'One of several alternative inputs must be provided (e.g. accountId or providerAccountId).',
      source: 'openapi',
    },
    Y814: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Exchange rate not available for currency',
      note: 'No rate exists for the currency asked for; the request must change, so invalid-request.',
      source: 'openapi',
    },
    Y815: { kind: 'invalid-request', statuses: [400], message: 'Cannot apply filter on categoryId if groupBy value is CATEGORY_TYPE', source: 'openapi' },
    Y816: {
      kind: 'invalid-request',
      statuses: [400],
      description:
        'The details asked for can only be requested in a narrower case (one system categoryId with groupBy CATEGORY; questions only for question-and-answer sites).',
      source: 'openapi',
    },
    Y820: { kind: 'invalid-request', statuses: [400], description: 'A parameter is not supported for this container, API or value.', source: 'openapi' },
    Y821: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The dataset, event, provider or capability is not supported.',
      note: 'Messages: "Dataset not supported", "Data update event not supported" (OpenAPI spec), "The provider is not supported.", "The capability is not supported." (SDK). A value we sent that the API does not support: invalid-request.',
      source: 'openapi',
    },
    Y823: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The parameter or operation is not applicable to this container or account type.',
      note: 'Yodlee\'s SDK prints "Transaction is not application for {0}", a typo of the spec\'s "not applicable", and the spec itself prints both "detailCategoryId is not applicable for containers other than bank and card" (GET /transactions/count) and "detailCategoryId is not for applicable containers other than bank and card" (GET /transactions). Each row keeps its wording; the code has no message, so any of them is kept as sent and classifies the same. On PUT /providerAccounts ("Credentials are not applicable for real estate aggregated / manual accounts") the row is manual-link-unsupported.',
      source: 'openapi',
    },
    Y824: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'More values were passed than the maximum permitted (e.g. 100 accountIds).',
      source: 'openapi',
    },
    Y825: {
      kind: 'rate-limited',
      detail: 'client',
      statuses: [400],
      message: 'Update not allowed. Reason: providerAccountId {id} REFRESHED_RECENTLY',
      note: 'PUT /providerAccounts/refresh refuses a refresh of an account refreshed recently: wait and try later. Routine, so counted (info), never a ticket.',
      source: 'openapi',
      hints: { severity: 'info' },
    },
    Y830: {
      kind: 'invalid-request',
      statuses: [400],
      description: 'The feature must be enabled for the preference to be set (auto refresh, data extracts).',
      source: 'openapi',
    },
    Y833: { kind: 'invalid-request', statuses: [400], message: 'Invalid values(s) for accountId', source: 'openapi' },
    Y835: {
      kind: 'unsupported',
      statuses: [400],
      description: 'The account is not eligible for this verification (Challenge Deposit or Matching).',
      note: 'The account cannot be verified this way: unsupported; the user may verify another account.',
      source: 'openapi',
    },
    Y836: {
      kind: 'not-found',
      statuses: [400],
      message: 'No verification initiated',
      note: 'Verification status asked for an account with no verification: the referenced verification does not exist.',
      source: 'openapi',
    },
    Y837: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Account has been verified already',
      note: 'Nothing is running and nothing to wait for: the request must not be sent again.',
      source: 'openapi',
    },
    Y838: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'The currency code provided does not match with the currency of the transaction executed on the target account',
      source: 'openapi',
    },
    Y840: {
      kind: 'conflict',
      statuses: [400],
      message: 'Verification has been initiated already',
      note: 'A verification is already running for the account: wait for it.',
      source: 'openapi',
    },
    Y842: {
      kind: 'rate-limited',
      detail: 'end-user',
      statuses: [400],
      message: 'Number of retries exceeded the maximum Challenge Deposit verification limit',
      note: "A limit on one end user's verification attempts, not a throttle on our client: owner end-user and severity info.",
      source: 'openapi',
      hints: { owner: 'end-user', severity: 'info' },
    },
    Y844: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      statuses: [400],
      message: 'Financial Instructions were not executed successfully on the target account',
      note: 'The challenge deposits did not post at the institution; the docs give no cause.',
      source: 'openapi',
    },
    Y845: {
      kind: 'mfa-expired',
      statuses: [400],
      message: 'Verification time expired. Please try initiating challenge deposit again',
      note: 'Not MFA, but the same shape: a verification the user had to answer expired before it was answered, and the message says to start again (initiate the challenge deposit again).',
      source: 'openapi',
    },
    Y846: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'The number of financial transactions made on the target account does not match with the number of transactions entered by the user.',
      note: 'The end user entered the challenge deposits wrongly: owner end-user and severity info.',
      source: 'openapi',
      hints: { owner: 'end-user', severity: 'info' },
    },
    Y847: { kind: 'invalid-request', statuses: [400], message: 'resource cannot be requested, as feature not enabled', source: 'openapi' },
    Y848: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'detailCategoryId cannot be provided as input, as the detailedCategory feature is not enabled',
      source: 'openapi',
    },
    Y851: {
      kind: 'invalid-request',
      description: 'Value cannot be blank or null for this property.',
      note: 'Raised by Yodlee\'s SDK before a request is sent ("Y851 - Value cannot be blank or null for this property."); no HTTP status.',
      source: 'sdk',
    },
    Y852: {
      kind: 'invalid-request',
      description: 'Duplicate dataset names cannot be passed in the input.',
      note: "Raised by Yodlee's SDK before a request is sent; no HTTP status.",
      source: 'sdk',
    },
    Y853: {
      kind: 'invalid-request',
      description: 'The name and top (or skip) parameters cannot be passed simultaneously.',
      note: "Raised by Yodlee's SDK before a request is sent; no HTTP status.",
      source: 'sdk',
    },
    Y857: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Transactions are not refreshed in the past 24 hours',
      note: 'POST /verifyAccount/{providerAccountId} needs transactions refreshed within 24 hours: refresh the account first.',
      source: 'openapi',
    },
    Y858: { kind: 'invalid-request', statuses: [400], message: 'Only active accounts can be verified', source: 'openapi' },
    Y862: { kind: 'invalid-request', statuses: [400], message: 'The provided address is invalid, or the valuation is not available', source: 'openapi' },
    Y868: {
      kind: 'conflict',
      statuses: [400],
      message: 'No action is allowed, as the data is being migrated to the Open Banking provider',
      note: 'Transient, like the additional status MIGRATION_IN_PROGRESS: nobody acts, wait for the migration.',
      source: 'openapi',
    },
    Y869: {
      kind: 'invalid-request',
      statuses: [400],
      message: 'Multiple matches found. Provide the complete address or call the POST /accounts/evaluateAddress API to retrieve the list of matched addresses',
      source: 'openapi',
    },
    Y871: {
      kind: 'conflict',
      statuses: [400],
      message: 'The verification process for the request is still in progress. This API can only be invoked after the verification process is completed',
      note: 'A verification is still running: wait for it.',
      source: 'openapi',
    },
    Y878: { kind: 'invalid-request', statuses: [400], message: 'Profile data is not yet requested for this account', source: 'openapi' },
    Y901: {
      kind: 'unsupported',
      statuses: [400],
      message: 'Service not supported',
      note: 'The service is not enabled for our Yodlee configuration: only we can act, so owner integrator, no user action, a ticket.',
      source: 'openapi',
      hints: { owner: 'integrator', userAction: 'none', severity: 'ticket' },
    },
    Y904: {
      kind: 'provider-unavailable',
      detail: 'server-error',
      statuses: [400],
      message: 'Internal exception',
      note: 'Documented with HTTP 400 (DELETE /documents); an internal failure at Yodlee all the same.',
      source: 'openapi',
    },
    // dataset.additionalStatus (AdditionalStatusType): final statuses that are failures.
    PARTIAL_DATA_RETRIEVED: {
      kind: 'fi-unavailable',
      detail: 'incomplete-data',
      arrives: 'dataset.additionalStatus',
      description:
        'Partial data is retrieved for the dataset. Instruct the user to try again if the mandatory data is missing; report the issue if it fails repeatedly.',
      source: 'additionalStatus',
    },
    DATA_RETRIEVAL_FAILED: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.additionalStatus; providerAccount.status',
      description: 'Failed to retrieve the data due to unexpected issues. Instruct the user to try again later; report the issue if it fails repeatedly.',
      note: 'Also a providerAccount.status value ("Data retrieval has failed"), with the same meaning.',
      source: 'additionalStatus',
    },
    DATA_NOT_AVAILABLE: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description:
        'The requested data or document is not available at the provider site. Instruct the user to check with the respective data provider or provider site.',
      source: 'additionalStatus',
      hints: { userAction: 'visit-institution' },
    },
    ACCOUNT_LOCKED: {
      kind: 'reconnect-required',
      detail: 'account-locked',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The account is locked at the provider site: the user exceeded the maximum number of incorrect login attempts. Instruct the user to visit the provider site and unlock the account.',
      note: "The end user's bank login, not our Yodlee login (that is Y003): never pages.",
      source: 'additionalStatus',
      hints: { userAction: 'visit-institution' },
    },
    ADDL_AUTHENTICATION_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'connection',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description: 'Additional MFA information needed at the site.',
      note: "AdditionalStatusType leaves this value's description and next action empty; the description is the SDK's AccountLatestBalanceFailedReason for the same value. As a final status the refresh has stopped, and only an update with the user present can continue it.",
      source: 'additionalStatus',
    },
    BETA_SITE_DEV_IN_PROGRESS: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.additionalStatus',
      note: "The SDK leaves this value's description and next action empty, and no first-party description was found: the name says Yodlee's support for the site is still in development (beta). Nobody can act but wait, so fi-unavailable with no description of its own.",
      source: 'additionalStatus',
    },
    CREDENTIALS_UPDATE_NEEDED: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'Unable to log in to the provider site due to outdated credentials; the site may be prompting the user to change or verify them. Instruct the user to visit the provider site and perform the required actions, then update the credentials through the edit account flow.',
      note: "The first step is at the bank's site, so visit-institution; the credentials are updated afterwards.",
      source: 'additionalStatus',
      hints: { userAction: 'visit-institution' },
    },
    INCORRECT_CREDENTIALS: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'Unable to log in to the provider site due to incorrect credentials. Instruct the user to provide the correct credentials by invoking the edit account flow.',
      source: 'additionalStatus',
      hints: { userAction: 'reenter-credentials' },
    },
    PROPERTY_VALUE_NOT_AVAILABLE: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description: 'The property value is not available. Instruct the user to provide the property value.',
      note: 'A real estate valuation Yodlee cannot supply; the user provides the value, which no user action names, so none.',
      source: 'additionalStatus',
      hints: { owner: 'end-user', userAction: 'none' },
    },
    INVALID_ADDL_INFO_PROVIDED: {
      kind: 'mfa-expired',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The user has provided incorrect MFA information or the MFA information provided has expired. Instruct the user to provide the correct MFA information.',
      source: 'additionalStatus',
    },
    REQUEST_TIME_OUT: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description: 'The request has timed out due to technical reasons. Instruct the user to try again later; report the issue if it fails repeatedly.',
      note: "A dataset's refresh timed out, not our HTTP call to Yodlee: one user's refresh waits, nothing pages.",
      source: 'additionalStatus',
    },
    SITE_BLOCKING_ERROR: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description: 'The Yodlee IP is blocked by the provider site. Instruct the user to try again later; report the issue if it fails repeatedly.',
      source: 'additionalStatus',
    },
    UNEXPECTED_SITE_ERROR: {
      kind: 'fi-unavailable',
      detail: 'down',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'Any error indicating issues at the provider site, such as the site being down for maintenance. Instruct the user to try again later; report the issue if it fails repeatedly.',
      source: 'additionalStatus',
    },
    SITE_NOT_SUPPORTED: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus; autoRefresh.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The site does not support the requested data, or support is not available to complete the requested action (e.g. document download not supported at the site). Inform the user about the latest available status.',
      note: 'Also an autoRefresh.additionalStatus value: auto refresh is disabled because the site no longer supports updates. The same meaning.',
      source: 'additionalStatus',
    },
    SITE_UNAVAILABLE: {
      kind: 'fi-unavailable',
      detail: 'maintenance',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The provider site is unavailable due to issues such as the site being down for maintenance. Instruct the user to try again later; report the issue if it fails repeatedly.',
      source: 'additionalStatus',
    },
    TECH_ERROR: {
      kind: 'provider-unavailable',
      detail: 'server-error',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description: 'There is a technical error. Instruct the user to try again later; report the issue if it fails repeatedly.',
      note: "A status on one user's dataset, not a failed API call: counted as a ticket, not paged (alert on its rate instead).",
      source: 'additionalStatus',
      hints: { severity: 'ticket' },
    },
    USER_ACTION_NEEDED_AT_SITE: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The user must take action at the provider site, e.g. accept terms and conditions. Instruct the user to visit the provider site and perform the necessary action.',
      source: 'additionalStatus',
      hints: { userAction: 'visit-institution' },
    },
    SITE_SESSION_INVALIDATED: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description: 'Multiple sessions, or a session terminated by the provider site. Instruct the user to try again later.',
      source: 'additionalStatus',
    },
    NEW_AUTHENTICATION_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'connection',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The site has requested OAuth authentication. OAuth sites can be added or updated only with Yodlee FastLink, not the APIs: instruct the user to add the account with FastLink.',
      source: 'additionalStatus',
    },
    DATASET_NOT_SUPPORTED: {
      kind: 'unsupported',
      arrives: 'dataset.additionalStatus',
      description: 'The requested datasets are not supported. Either get the dataset or attribute enabled, or remove it from the input.',
      note: 'Only we can act (our Yodlee configuration or our request), so the owner is the integrator, no user action, a ticket.',
      source: 'additionalStatus',
      hints: { owner: 'integrator', userAction: 'none', severity: 'ticket' },
    },
    ENROLLMENT_REQUIRED_FOR_DATASET: {
      kind: 'reconnect-required',
      detail: 'institution-attention',
      arrives: 'dataset.additionalStatus',
      description: 'The dataset cannot be retrieved as the user has not enrolled for it. Instruct the user to enroll for the dataset and then request it.',
      source: 'additionalStatus',
      hints: { userAction: 'visit-institution' },
    },
    CONSENT_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The user has to provide consent to access the account information through Open Banking. Instruct the user to provide the consent through the edit account flow.',
      source: 'additionalStatus',
    },
    CONSENT_EXPIRED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The consent the user gave to access the account information through Open Banking has expired. Instruct the user to provide the consent through the edit account flow.',
      source: 'additionalStatus',
    },
    CONSENT_REVOKED: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'The user has revoked the consent to access the account information through Open Banking. Instruct the user to provide the consent through the add account flow.',
      note: "Unlike CONSENT_EXPIRED and CONSENT_REQUIRED (edit account flow), the user adds the account again (add account flow): the revoked connection cannot be updated. userAction reconnect, the end user's side of both flows; the integrator launches the add flow.",
      source: 'additionalStatus',
    },
    INCORRECT_OAUTH_TOKEN: {
      kind: 'reconnect-required',
      detail: 'consent',
      arrives: 'dataset.additionalStatus; account latestBalances failedReason; verification failedReason',
      description:
        'Failed to log in to the Open Banking provider site due to an incorrect token. Instruct the user to provide the consent through the edit account flow.',
      source: 'additionalStatus',
    },
    MIGRATION_IN_PROGRESS: {
      kind: 'conflict',
      arrives: 'dataset.additionalStatus; providerAccount.status',
      description:
        'The account information is being migrated from the screen-scraping provider to the Open Banking provider site. No action is required as it is a transient state.',
      note: 'Transient: nobody acts, wait for the migration (conflict: retry later, info). Also a providerAccount.status value ("migration of the provider account to the open banking provider is in progress"); the API answers Y868 to changes meanwhile.',
      source: 'additionalStatus',
    },
    NOT_AVAILABLE: {
      kind: 'unknown',
      arrives: 'dataset.additionalStatus',
      note: 'The last value of the SDK\'s AdditionalStatusType, with no description or next action, and absent from the OpenAPI spec\'s enum. Encoded so that it is recognized (match.by "code"), with no meaning invented for it.',
      source: 'additionalStatus',
    },
    // dataset.updateEligibility (EligibilityStatus).
    ALLOW_UPDATE_WITH_CREDENTIALS: {
      kind: 'reconnect-required',
      detail: 'credentials',
      arrives: 'dataset.updateEligibility',
      description: 'Update or refresh the account by directing the user to edit the provided credentials.',
      source: 'eligibility',
      hints: { userAction: 'reenter-credentials' },
    },
    DISALLOW_UPDATE: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'dataset.updateEligibility',
      description: 'The account is not eligible for the update or refresh process due to a site issue or a technical error.',
      note: 'Nobody can act but wait until the dataset is eligible again.',
      source: 'eligibility',
    },
    // autoRefresh.additionalStatus (AutoRefreshAdditionalStatus): why auto refresh is disabled.
    TEMP_ERROR: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'autoRefresh.additionalStatus (AUTO_REFRESH_UPDATES webhook)',
      description: 'Auto refresh is temporarily disabled due to site or technical issues.',
      source: 'autoRefresh',
    },
    SITE_BLOCKING: {
      kind: 'fi-unavailable',
      detail: 'unknown',
      arrives: 'autoRefresh.additionalStatus (AUTO_REFRESH_UPDATES webhook)',
      description: 'Auto refresh is disabled due to site blocking.',
      note: "The auto-refresh side of the dataset status SITE_BLOCKING_ERROR (the site blocks Yodlee's IP).",
      source: 'autoRefresh',
    },
    REAL_TIME_MFA_REQUIRED: {
      kind: 'unsupported',
      arrives: 'autoRefresh.additionalStatus (AUTO_REFRESH_UPDATES webhook)',
      description: 'Auto refresh is disabled because the site requires real-time MFA information to get account updates.',
      note: 'Unattended refresh is impossible for this site; refreshes with the user present still work. Nothing for the user to fix, so no user action.',
      source: 'autoRefresh',
      hints: { userAction: 'none' },
    },
    USER_ACTION_REQUIRED: {
      kind: 'reconnect-required',
      detail: 'connection',
      arrives: 'autoRefresh.additionalStatus (AUTO_REFRESH_UPDATES webhook)',
      description: 'Auto refresh is disabled as the user needs to take action at the site or update the credentials or answers to security questions.',
      source: 'autoRefresh',
    },
    MANUAL_ACCOUNT: {
      kind: 'manual-link-unsupported',
      arrives: 'autoRefresh.additionalStatus (AUTO_REFRESH_UPDATES webhook)',
      description: 'Auto refresh is disabled because the account is a manual account.',
      note: 'Not a failure of the account: refresh is unavailable for a manually added account. Nothing to fix, so no user action.',
      source: 'autoRefresh',
      hints: { userAction: 'none' },
    },
    // latestBalances and verification failedReason values not already above.
    REQUIRED_DATA_NOT_AVAILABLE: {
      kind: 'unsupported',
      arrives: 'account latestBalances failedReason; verification failedReason',
      description: 'The account related details are not available at the FI site.',
      note: 'The verification failure reason of the same name reads "Required data is not available. No action is required as it is an end state."',
      source: 'latestBalance',
      hints: { userAction: 'none' },
    },
    NO_ELIGIBLE_ACCOUNTS: {
      kind: 'no-accounts',
      arrives: 'verification failedReason',
      description: 'No eligible accounts for the given configuration. No action is required as it is an end state.',
      source: 'verification',
    },
  },
  prefixes: {
    Y0: {
      kind: 'auth',
      description: 'Y0NN errors are authentication errors that could occur while accessing the API services.',
      note: 'For Y0NN codes this catalog does not know yet: Yodlee adds codes without notice, and states the whole Y0NN range is authentication.',
      source: 'docsV11',
    },
  },
  endpoints: {
    'GET /transactions': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y809' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y805' },
        {
          status: 400,
          code: 'Y824',
          note: 'Documented here with 4 messages: "The maximum number of accountIds permitted is 100"; "The maximum number of categoryIds permitted is 100"; "The maximum number of highLevelCategoryIds permitted is 100"; "The maximum number of detailCategoryIds permitted is 100".',
        },
        { status: 400, code: 'Y848' },
        { status: 400, code: 'Y823', message: 'detailCategoryId is not for applicable containers other than bank and card' },
        { status: 400, code: 'Y820', message: 'The currency value is not supported for convertToCurrency' },
      ],
    },
    'PUT /transactions': {
      source: 'openapi',
      rows: [
        {
          status: 400,
          code: 'Y812',
          note: 'Documented here with 2 messages: "Required field -transactionSourceId missing in the transaction"; "Required field -container missing in the transactionParam parameter input".',
        },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y868' },
      ],
    },
    'GET /accounts/associatedAccounts/{providerAccountId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'GET /verification/verifiedAccounts': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y813', message: 'providerAccountId should be provided' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y807' },
        { status: 400, code: 'Y871' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 10' },
      ],
    },
    'POST /cobrand/login': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 401, code: 'Y003', message: 'Account is locked, contact Yodlee customer care' },
        { status: 401, code: 'Y001', message: 'User name and password required' },
      ],
    },
    'GET /dataExtracts/userData': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y821', message: 'Data update event not supported' },
      ],
    },
    'GET /providers': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y821', message: 'Dataset not supported' },
        { status: 400, code: 'Y820', message: 'The additionalDataSet is not supported for Get provider API' },
      ],
    },
    'GET /providers/{providerId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'POST /cobrand/config/notifications/events/{eventName}': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec.',
      rows: [
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "eventName required"; "callbackUrl required".' },
        { status: 400, code: 'Y800' },
      ],
    },
    'DELETE /cobrand/config/notifications/events/{eventName}': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec.',
      rows: [{ status: 400, code: 'Y803', message: 'eventName required' }],
    },
    'PUT /cobrand/config/notifications/events/{eventName}': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec.',
      rows: [
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "eventName required"; "callbackUrl required".' },
        { status: 400, code: 'Y800' },
      ],
    },
    'GET /configs/notifications/events': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /consents/history/count': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y803', message: 'consentId is required' },
        { status: 400, code: 'Y809' },
      ],
    },
    'GET /providers/count': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y821', message: 'Dataset not supported' },
        { status: 400, code: 'Y820', message: 'The additionalDataSet is not supported for Get provider API' },
      ],
    },
    'GET /derived/networth': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y809' },
        { status: 400, code: 'Y802' },
        { status: 400, code: 'Y814' },
      ],
    },
    'GET /consents/history': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y803', message: 'consentId is required' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y809' },
      ],
    },
    'POST /user/samlLogin': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y013', note: 'Documented here with 2 messages: "Invalid value for samlResponse"; "Invalid value for issuer".' }],
    },
    'GET /verification/holderProfile': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y901' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y803', message: 'providerAccountId required' },
        { status: 400, code: 'Y805' },
        { status: 400, code: 'Y820', message: 'The accountId is not supported for containers other than bank and investment' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 10' },
        { status: 400, code: 'Y878' },
      ],
    },
    'GET /documents/{documentId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'DELETE /documents/{documentId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y868' },
      ],
    },
    'GET /partner/paymentProcessor/account/holder': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y007' },
        { status: 400, code: 'Y008' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y016', message: 'processorToken header missing' },
      ],
    },
    'POST /transactions/categories/rules/{ruleId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        {
          status: 400,
          code: 'Y400',
          message: 'Categorization already in progress',
          kind: 'conflict',
          note: '"Categorization already in progress": a categorization job is running; wait for it rather than starting another.',
        },
      ],
    },
    'DELETE /transactions/categories/rules/{ruleId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'PUT /transactions/categories/rules/{ruleId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
      ],
    },
    'GET /user/accessTokens': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'POST /cobrand/logout': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /consents/{consentId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'PUT /consents/{consentId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y802' },
        { status: 400, code: 'Y803', message: 'consent duration days preference required consentParam' },
        { status: 400, code: 'Y812', message: 'Required field/value - scopeId missing in the consentParam' },
      ],
    },
    'PUT /providerAccounts/{providerAccountId}/preferences': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y807' },
        {
          status: 400,
          code: 'Y830',
          note: 'Documented here with 2 messages: "Data extracts feature has to be enabled to set preferences.isDataExtractsEnabled as true"; "Auto refresh feature has to be enabled to set preferences.isAutoRefreshEnabled as true".',
        },
        { status: 400, code: 'Y868' },
      ],
    },
    'POST /auth/token': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y303' },
        { status: 400, code: 'Y301' },
        { status: 400, code: 'Y305' },
        { status: 400, code: 'Y004' },
        { status: 400, code: 'Y901' },
        { status: 401, code: 'Y016', note: 'Documented here with 2 messages: "loginName header missing"; "Api-Version header missing".' },
        { status: 401, code: 'Y015' },
        { status: 401, code: 'Y020' },
        { status: 401, code: 'Y027' },
      ],
    },
    'DELETE /auth/token': {
      source: 'openapi',
      rows: [
        { status: 401, code: 'Y020' },
        { status: 401, code: 'Y023' },
        { status: 401, code: 'Y016', message: 'Api-Version header missing' },
        { status: 401, code: 'Y015' },
        { status: 401, code: 'Y027' },
        { status: 401, code: 'Y007' },
      ],
    },
    'GET /providerAccounts/{providerAccountId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y816', message: 'questions can only be requested for questionAndAnswer Supported Sites' },
      ],
    },
    'DELETE /providerAccounts/{providerAccountId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y868' },
      ],
    },
    'GET /user': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'PUT /user': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'POST /accounts': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y811', message: 'Real Estate Property value already exists' },
        { status: 400, code: 'Y862' },
        { status: 400, code: 'Y869' },
      ],
    },
    'GET /accounts': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 100' },
      ],
    },
    'DELETE /user/unregister': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /holdings/assetClassificationList': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'POST /verifyAccount/{providerAccountId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y807' },
        { status: 400, code: 'Y809' },
        {
          status: 400,
          code: 'Y812',
          note: 'Documented here with 4 messages: "Required field/value - transactionCriteria missing in the input"; "Required field/value - amount missing in the transactionCriteria"; "Required field/value - amount date in the transactionCriteria"; "Required field/value - baseType missing in the transactionCriteria".',
        },
        { status: 400, code: 'Y823', message: 'Transaction not applicable for container' },
        { status: 400, code: 'Y824', message: 'The maximum number of transactionCriteria permitted is 5' },
        { status: 400, code: 'Y857' },
        { status: 400, code: 'Y858' },
        { status: 400, code: 'Y901' },
      ],
    },
    'GET /consents/preferences': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y812', message: 'Required field/value - consentId missing in the request' },
      ],
    },
    'GET /configs/publicKey': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'POST /paymentProcessor/token': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y007' },
        { status: 400, code: 'Y008' },
        { status: 400, code: 'Y833' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y813', note: 'Documented here with 2 messages: "accountId should be provided"; "processor should be provided".' },
      ],
    },
    'DELETE /paymentProcessor/token': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y007' },
        { status: 400, code: 'Y008' },
        { status: 400, code: 'Y016', message: 'processorToken header missing' },
      ],
    },
    'DELETE /auth/apiKey/{key}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y807' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
      ],
    },
    'POST /providerAccounts': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "providerId is mandatory"; "Invalid value for credentialsParam".' },
        { status: 400, code: 'Y400', message: 'id and value in credentialsParam are mandatory' },
        { status: 400, code: 'Y901' },
      ],
    },
    'GET /providerAccounts': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'PUT /providerAccounts': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y805', message: 'Multiple providerAccountId not supported for updating credentials' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y400', message: 'id and value in credentialsParam are mandatory' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
        {
          status: 400,
          code: 'Y823',
          message: 'Credentials are not applicable for real estate aggregated / manual accounts',
          kind: 'manual-link-unsupported',
          note: 'Credentials cannot be updated on a manually added (or real estate) account: the operation is unavailable for a manual account.',
        },
        { status: 400, code: 'Y868' },
      ],
    },
    'GET /derived/transactionSummary': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y010' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "groupBy required"; "categoryType required".' },
        { status: 400, code: 'Y814' },
        { status: 400, code: 'Y815' },
        { status: 400, code: 'Y816', message: "User-defined category details can only be requested for one system categoryId with groupBy='CATEGORY'" },
        {
          status: 400,
          code: 'Y824',
          note: 'Documented here with 3 messages: "The maximum number of accountIds permitted is 100"; "The maximum number of categoryIds permitted is 100"; "The maximum number of categoryTypes permitted is 100".',
        },
      ],
    },
    'GET /transactions/count': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y848' },
        { status: 400, code: 'Y823', message: 'detailCategoryId is not applicable for containers other than bank and card' },
        { status: 400, code: 'Y824', message: 'The maximum number of detailCategoryIds permitted is 100' },
      ],
    },
    'POST /documents/search': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'PUT /consents/{consentId}/renewal': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y802' },
        { status: 400, code: 'Y803', message: 'consent duration days preference required consentParam' },
        { status: 400, code: 'Y812', message: 'Required field/value - scopeId missing in the consentParam' },
      ],
    },
    'GET /verification/classification/summary': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y847' },
        { status: 400, code: 'Y812', message: 'Required field/value - accountId missing in the request' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y805' },
      ],
    },
    'PUT /accounts/migrateAccounts/{providerAccountId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'PUT /providerAccounts/refresh': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y803', message: 'configName required' },
        { status: 400, code: 'Y812', message: 'Required field/value providerAccountId missing in the request' },
        { status: 400, code: 'Y825' },
      ],
    },
    'GET /transactions/categories/txnRules': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'DELETE /transactions/categories/{categoryId}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'GET /documents': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'DELETE /documents': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y904' },
      ],
    },
    'POST /accounts/evaluateAddress': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y800' },
        {
          status: 400,
          code: 'Y812',
          note: 'Documented here with 3 messages: "Required field/value - address missing in the request"; "Required field/value - street missing in the request"; "Required field/value - state & city / zip missing in the request".',
        },
      ],
    },
    'GET /accounts/{accountId}': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'DELETE /accounts/{accountId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y807' },
        { status: 400, code: 'Y868' },
      ],
    },
    'PUT /accounts/{accountId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y862' },
        { status: 400, code: 'Y868' },
        { status: 400, code: 'Y869' },
      ],
    },
    'GET /accounts/historicalBalances': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y809' },
        { status: 400, code: 'Y802' },
      ],
    },
    'GET /providerAccounts/profile': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec. The spec documents no error code for it.',
      rows: [],
    },
    'POST /user/register': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
      ],
    },
    'POST /verification': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y901' },
        {
          status: 400,
          code: 'Y812',
          note: 'Documented here with 6 messages: "Required field/value - verification.verificationType missing in the verificationParam"; "Required field/value - accountNumber missing in the verificationParam"; "Required field/value - accountType missing in the verificationParam"; "Required field/value - bankTransferCode missing in the verificationParam"; "Required field/value - bankTransferCode.id missing in the verificationParam"; "Required field/value - bankTransferCode.type missing in the verificationParam".',
        },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y813', message: 'Account details should be provided' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y835', message: 'Account(s) not eligible for Challenge Deposit verification' },
        { status: 400, code: 'Y806' },
        { status: 400, code: 'Y840' },
        { status: 400, code: 'Y837' },
      ],
    },
    'GET /verification': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y901' },
        { status: 400, code: 'Y813', message: 'Either of accountId or providerAccountId should be provided' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y835', message: 'Account(s) not eligible for Matching verification' },
        { status: 400, code: 'Y836' },
      ],
    },
    'PUT /verification': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y901' },
        {
          status: 400,
          code: 'Y812',
          note: 'Documented here with 6 messages: "Required field/value - verification.verificationType missing in the verificationParam"; "Required field/value - amount.amount missing in the verificationParam"; "Required field/value - baseType missing in the verificationParam"; "Required field/value - currency missing in the verificationParam"; "Required field/value - providerAccountId missing in the verificationParam"; "Required field/value - accountId missing in the verificationParam".',
        },
        { status: 400, code: 'Y800' },
        {
          status: 400,
          code: 'Y813',
          note: 'Documented here with 2 messages: "Transaction should be provided"; "Either transactionReferenceText or transaction should be provided".',
        },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y835', message: 'Account(s) not eligible for Challenge Deposit verification' },
        { status: 400, code: 'Y806' },
        { status: 400, code: 'Y840' },
        { status: 400, code: 'Y837' },
        { status: 400, code: 'Y838' },
        { status: 400, code: 'Y846' },
        { status: 400, code: 'Y842' },
        { status: 400, code: 'Y844' },
        { status: 400, code: 'Y845' },
        { status: 400, code: 'Y868' },
      ],
    },
    'GET /holdings/securities': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y824', message: 'The maximum number of holdingIds permitted is 100' },
      ],
    },
    'GET /partner/paymentProcessor/account/balance': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y007' },
        { status: 400, code: 'Y008' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y016', message: 'processorToken header missing' },
      ],
    },
    'POST /configs/notifications/events/{eventName}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "eventName required"; "callbackUrl required".' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y901' },
      ],
    },
    'DELETE /configs/notifications/events/{eventName}': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y803', message: 'eventName required' }],
    },
    'PUT /configs/notifications/events/{eventName}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "eventName required"; "callbackUrl required".' },
        { status: 400, code: 'Y800' },
      ],
    },
    'GET /cobrand/config/notifications/events': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec. The spec documents no error code for it.',
      rows: [],
    },
    'POST /holdings': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        {
          status: 400,
          code: 'Y801',
          note: 'Documented here with 4 messages: "Invalid length for symbol"; "Invalid length for term"; "Invalid length for description"; "Required field/value - description missing in the request".',
        },
        { status: 400, code: 'Y812', message: 'Required field/value - accountId missing in the request' },
      ],
    },
    'GET /holdings': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y400', note: 'Documented here with 2 messages: "classificationType mismatch"; "classificationValue mismatch".' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 100' },
      ],
    },
    'POST /auth/apiKey': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y824', message: 'The maximum number of apiKey permitted is 5' },
        { status: 400, code: 'Y811', message: 'publicKey value already exists' },
      ],
    },
    'GET /auth/apiKey': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /institutions': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y804' },
        { status: 400, code: 'Y821', message: 'Dataset not supported' },
      ],
    },
    'GET /cobrand/publicKey': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec. The spec documents no error code for it.',
      rows: [],
    },
    'POST /transactions/categories': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y803', message: 'parentCategoryId required' },
        { status: 400, code: 'Y811', message: 'categoryName value already exists' },
      ],
    },
    'GET /transactions/categories': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'PUT /transactions/categories': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y801' },
        { status: 400, code: 'Y803', message: 'id required' },
        { status: 400, code: 'Y811', message: 'categoryName value already exists' },
      ],
    },
    'GET /partner/paymentProcessor/account': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y007' },
        { status: 400, code: 'Y008' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y016', message: 'processorToken header missing' },
      ],
    },
    'POST /transactions/categories/rules': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y806', message: 'Invalid input' },
        { status: 400, code: 'Y400', message: 'Rule already exists. Rule should be unique in terms of combination of description and amount' },
      ],
    },
    'GET /transactions/categories/rules': {
      source: 'openapi',
      note: 'Deprecated in the OpenAPI spec. The spec documents no error code for it.',
      rows: [],
    },
    'POST /consents': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y807' },
        { status: 400, code: 'Y901' },
      ],
    },
    'GET /consents': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /statements': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y805' },
      ],
    },
    'GET /accounts/latestBalances': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y901' },
        { status: 400, code: 'Y803', note: 'Documented here with 2 messages: "providerAccountId required"; "accountId required".' },
        { status: 400, code: 'Y805' },
        { status: 400, code: 'Y820', message: 'The accountId is not supported for container other than bank, investment' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 10' },
      ],
    },
    'GET /holdings/holdingTypeList': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'PUT /transactions/{transactionId}': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y812', message: 'Required field -container missing in the transactionParam parameter input' },
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y868' },
      ],
    },
    'POST /user/logout': {
      source: 'openapi',
      note: 'The spec documents no error code for it.',
      rows: [],
    },
    'GET /dataExtracts/events': {
      source: 'openapi',
      rows: [{ status: 400, code: 'Y800' }],
    },
    'GET /derived/holdingSummary': {
      source: 'openapi',
      rows: [
        { status: 400, code: 'Y800' },
        { status: 400, code: 'Y814' },
        { status: 400, code: 'Y824', message: 'The maximum number of accountIds permitted is 100' },
      ],
    },
  },
  pending: [
    {
      step: 'refresh',
      code: 'LOGIN_IN_PROGRESS',
      description: 'Login to the provider site is in progress; not a final status (dataset.additionalStatus, providerAccount.status).',
      source: 'additionalStatus',
    },
    { step: 'refresh', code: 'DATA_RETRIEVAL_IN_PROGRESS', description: 'Data aggregation is in progress; not a final status.', source: 'additionalStatus' },
    { step: 'refresh', code: 'ACCT_SUMMARY_RECEIVED', description: 'Basic account data is retrieved; not a final status.', source: 'additionalStatus' },
    {
      step: 'refresh',
      code: 'IN_PROGRESS',
      description: 'providerAccount.status: login is successful and data aggregation is in progress.',
      source: 'providerAccountStatus',
    },
    {
      step: 'mfa',
      code: 'USER_INPUT_REQUIRED',
      description:
        'providerAccount.status: additional authentication information is needed from the user (the MFA form of the add or update flow). Also a latestBalances and verification failedReason ("Additional MFA information required from the user"), with the same remedy: the user provides it.',
      source: 'providerAccountStatus',
    },
  ],
  notes: [
    'Error codes follow the format YNNN; Yodlee does not change them and may add new ones. "Y0NN errors are authentication errors" (Yodlee\'s v1.1 error page): an unknown Y0NN code classifies as auth through the Y0 prefix. The other ranges (Y3NN client credentials, Y4NN generic, Y8NN validation, Y9NN service) are stated only by a third-party mirror and are not prefixes: an unknown code there classifies by its HTTP status (400 is invalid-request).',
    "referenceCode is Yodlee's unique identifier for troubleshooting a request, and is read as the request id.",
    'Endpoints and rows are every path and every "Yxxx : message" line of Yodlee\'s own OpenAPI file (github.com/Yodlee/OpenAPI, May 2025 release, 96 operations): first-party, so no row is marked thirdParty. The copy named in the project\'s provider facts (moneykit/yodlee-api-client, 2023, https://github.com/moneykit/yodlee-api-client/blob/fe4ac2811e92b99d97ccfbedf4e66cea8e5638c0/swagger.yaml) is an older, hand-fixed version of the same file: 88 operations, every one of its code lines is in the current file but for one message (PUT /consents/{consentId}/renewal, Y800 "Invalid value for requestbody", now gone; the row stands with its current messages).',
    "A row carries a message only where the spec prints one wording that the code's own message does not cover; where it prints several for one (status, code), the row names them in its note and the body's message is kept as sent. Y800, Y801, Y802, Y804 and Y805 carry a template, so the parameter is read into params.name.",
    'Endpoint ids omit the base path: the API lives under https://<environment>.api.yodlee.com/ysl ("the part that starts with https://xyz.api.yodlee.com/ysl varies with environment": use the API URLs of your dashboard, https://developer.yodlee.com/resources/blog/t-minus-0-launch-moving-beyond-envestnet-yodlee-sandbox), so /ysl is stripped from observed URLs. The three base URLs (sandbox, development, production) follow that pattern; the hosts themselves were read in client code, not in Yodlee\'s docs.',
    "Yodlee's own error page is readable only up to Y008. Y009, Y011, Y302 and Y309 are known only from a third-party mirror of the page (docs.fingoal.com), and say so in thirdParty. Y851-Y853 are raised by Yodlee's Java SDK before any request is sent.",
    "Status values arrive in providerAccount and account responses and REFRESH / AUTO_REFRESH_UPDATES webhooks, not as HTTP errors: normalize them as a bare code, e.g. { provider: 'yodlee', code: 'INCORRECT_CREDENTIALS' }. Each says where in arrives. Descriptions and next actions come from Yodlee's official SDK enums; the values are the OpenAPI spec's enums too.",
    'Not failures, so not in codes: AVAILABLE_DATA_RETRIEVED (dataset.additionalStatus: all available data retrieved); ALLOW_UPDATE (updateEligibility); SUCCESS (providerAccount.status); SCHEDULED (autoRefresh.additionalStatus). Not final, so pending refresh steps: LOGIN_IN_PROGRESS, DATA_RETRIEVAL_IN_PROGRESS, ACCT_SUMMARY_RECEIVED (dataset.additionalStatus), IN_PROGRESS (providerAccount.status); USER_INPUT_REQUIRED is the pending MFA step.',
    "Left out, with reasons: providerAccount.status FAILED and PARTIAL_SUCCESS only summarize the datasets, whose additionalStatus carries the reason (PARTIAL_DATA_RETRIEVED, DATA_RETRIEVAL_FAILED, ...), and a bare FAILED is also a transaction status; autoRefresh.additionalStatus UNSUBSCRIBED mixes our own choice (unsubscribed), Yodlee's, the site's and a closed account, so it carries no single meaning; the verification failure reason MATCHING_FAILED is a verification outcome, not a connection problem.",
    'FastLink\'s deep-link errors (E7XX/E8XX, e.g. E701 "Invalid value for providerId") reach the page\'s FastLink callback, never the API, and belong to the FastLink events, not to this catalog.',
  ],
} as const;

/**
 * The Yodlee catalog: every API error code (YNNN) of Yodlee's error page, OpenAPI spec and SDK, every
 * (endpoint, status, code) row of the OpenAPI spec, and the failure values of the dataset, update-eligibility
 * and auto-refresh status fields.
 *
 * @public
 */
export const yodlee: Catalog<typeof data> = defineCatalog(data);
