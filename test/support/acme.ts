import { defineCatalog } from '../../src/catalog/define-catalog.js';
import type { Catalog } from '../../src/catalog/types.js';

// A catalog that exercises every part of the format, for tests of the matcher alone.
const data = {
  id: 'acme',
  name: 'Acme',
  source: 'https://docs.acme.example/errors',
  baseUrls: { sandbox: 'https://sandbox.acme.example/api/v3', production: 'https://acme.example/api/v3' },
  pathPrefix: '/api/v3',
  timeout: { ms: 30000, source: 'https://docs.acme.example/errors' },
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
    E100: { kind: 'invalid-request', source: 'https://docs.acme.example/errors', statuses: [400] },
    E102: { kind: 'not-found', message: 'User {user_id} not found', source: 'https://docs.acme.example/errors', statuses: [404] },
    E104: { kind: 'reconnect-required', detail: 'connection', source: 'https://docs.acme.example/errors', statuses: [400] },
    E500: { kind: 'provider-unavailable', source: 'https://docs.acme.example/errors', statuses: [500] },
    E600: { kind: 'rate-limited', detail: 'end-user', source: 'https://docs.acme.example/errors', hints: { owner: 'end-user', afterMs: 60000 } },
    LOCKED: { kind: 'reconnect-required', detail: 'account-locked', source: 'https://docs.acme.example/errors', arrives: 'connection_status' },
  },
  categories: {
    ITEM_ERROR: { kind: 'reconnect-required', source: 'https://docs.acme.example/errors' },
  },
  statuses: {
    '202': { kind: 'conflict', source: 'https://docs.acme.example/errors' },
  },
  endpoints: {
    'GET /users/{user_id}': {
      source: 'https://docs.acme.example/errors',
      rows: [
        { status: 404, code: 'E102' },
        { status: 400, code: 'E104' },
      ],
    },
    'POST /users/{user_id}/refresh': {
      source: 'https://docs.acme.example/errors',
      rows: [
        { status: 400, code: 'E102', note: 'Documented as 400 here and 404 elsewhere.' },
        { status: 500, code: 'E500', kind: 'unknown', description: 'Unknown refresh error, not a server error.' },
      ],
    },
    'GET /users/{user_id}/jobs/{job_id}': {
      source: 'https://docs.acme.example/errors',
      rows: [{ status: 404, code: 'E102' }],
    },
    'GET /users/{user_id}/jobs/latest': {
      source: 'https://docs.acme.example/errors',
      rows: [{ status: 410, kind: 'not-found' }],
    },
    'GET /users/{user_id}/nodes/{node_id}?force_refresh=yes': {
      source: 'https://docs.acme.example/errors',
      rows: [{ status: 402, code: 'E500', kind: 'reconnect-required', detail: 'institution-attention' }],
    },
    'GET /users/{user_id}/nodes/{node_id}': {
      source: 'https://docs.acme.example/errors',
      rows: [],
    },
  },
  pending: [
    { step: 'mfa', code: '10', status: 202, when: 'mfa', description: 'An MFA question.', source: 'https://docs.acme.example/errors' },
    { step: 'two-factor', code: '10', status: 202, description: 'A 2FA step.', source: 'https://docs.acme.example/errors' },
  ],
} as const;

/** A test catalog that exercises the whole format. */
export const acme: Catalog<typeof data> = defineCatalog(data);
