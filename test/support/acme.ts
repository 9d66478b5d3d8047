import { defineCatalog } from '../../src/catalog/define-catalog.js';
import type { Catalog } from '../../src/catalog/types.js';

const DOCS = 'https://docs.acme.example/errors';

// A catalog that exercises every part of the format, for tests of the matcher alone.
const data = {
  id: 'acme',
  name: 'Acme',
  source: DOCS,
  baseUrls: { sandbox: 'https://sandbox.acme.example/api/v3', production: 'https://acme.example/api/v3' },
  pathPrefix: '/api/v3',
  timeoutMs: 30000,
  body: {
    code: ['error.code', 'code'],
    message: ['error.message'],
    displayMessage: ['error.display'],
    requestId: ['request_id'],
    category: ['error.type'],
    status: ['http_code'],
  },
  requestIdHeaders: ['x-acme-request-id', 'x-request-id'],
  codes: {
    E100: { kind: 'invalid-request', source: DOCS, statuses: [400] },
    E102: { kind: 'not-found', message: 'User {user_id} not found', source: DOCS, statuses: [404] },
    E104: { kind: 'reconnect-required', detail: 'connection', source: DOCS, statuses: [400] },
    E500: { kind: 'provider-unavailable', source: DOCS, statuses: [500] },
    E600: { kind: 'rate-limited', detail: 'end-user', source: DOCS, hints: { owner: 'end-user', afterMs: 60000 } },
    LOCKED: { kind: 'reconnect-required', detail: 'account-locked', source: DOCS, arrives: 'connection_status' },
  },
  categories: {
    ITEM_ERROR: { kind: 'reconnect-required', source: DOCS },
  },
  statuses: {
    '202': { kind: 'conflict', source: DOCS },
  },
  endpoints: {
    'GET /users/{user_id}': {
      source: DOCS,
      rows: [
        { status: 404, code: 'E102' },
        { status: 400, code: 'E104' },
      ],
    },
    'POST /users/{user_id}/refresh': {
      source: DOCS,
      rows: [
        { status: 400, code: 'E102', note: 'Documented as 400 here and 404 elsewhere.' },
        { status: 500, code: 'E500', kind: 'unknown', description: 'Unknown refresh error, not a server error.' },
      ],
    },
    'GET /users/{user_id}/jobs/{job_id}': {
      source: DOCS,
      rows: [{ status: 404, code: 'E102' }],
    },
    'GET /users/{user_id}/jobs/latest': {
      source: DOCS,
      rows: [{ status: 410, kind: 'not-found' }],
    },
    'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes': {
      source: DOCS,
      rows: [{ status: 402, code: 'E500', kind: 'reconnect-required', detail: 'institution-attention' }],
    },
    'GET /users/{user_id}/nodes/{node_id}': {
      source: DOCS,
      rows: [],
    },
  },
  pending: [
    { step: 'mfa', code: '10', status: 202, when: 'mfa', description: 'An MFA question.', source: DOCS },
    { step: 'two-factor', code: '10', status: 202, description: 'A 2FA step.', source: DOCS },
  ],
} as const;

/** A test catalog that exercises the whole format. */
export const acme: Catalog<typeof data> = defineCatalog(data);
