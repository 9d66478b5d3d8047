import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { mx } from '../catalogs/mx.js';
import { fromResponse, isSuccess, retryDecision } from '../src/gateway/index.js';
import { createNormalizer } from '../src/index.js';

const normalizer = createNormalizer(allCatalogs);

test.each([
  ['mx', 202, false, 'MX answers 202 when a job of the same type already runs'],
  ['synapse', 202, false, 'Synapse answers 202 with an MFA question or a 2FA step'],
  ['plaid', 208, false, 'Plaid sends OAUTH_STATE_ID_ALREADY_PROCESSED with 208'],
  ['mx', 200, true, 'a 200 is a success'],
  ['aerosync', 202, true, 'Aerosync documents no 2xx as anything but success'],
  ['plaid', 204, true, 'a 204 Plaid documents as nothing else'],
  ['nobody', 202, true, 'a provider with no catalog: the status alone'],
  ['mx', 301, false, 'a redirect is not a success'],
  ['mx', 404, false, 'an error status'],
] as const)('%s %i: isSuccess is %s (%s)', (provider, status, expected, _why) => {
  expect(isSuccess({ status }, { normalizer, provider })).toBe(expected);
});

test('a fetch Response (status on its prototype) and a normalizer without catalogs', () => {
  expect(isSuccess(new Response(null, { status: 202 }), { normalizer, provider: 'mx' })).toBe(false);
  expect(isSuccess(new Response(null, { status: 200 }), { normalizer, provider: 'mx' })).toBe(true);
  expect(isSuccess({ status: 202 }, { normalizer: { catalogs: [] }, provider: 'mx' })).toBe(true);
  expect(isSuccess({ status: 202 }, { normalizer: { catalogs: [mx] }, provider: 'mx' })).toBe(false);
});

test("MX's 202 over a real socket: not passed through, read as a running job, and the gateway polls it", async () => {
  const server = createServer((_req, res) =>
    res.writeHead(202, { 'content-type': 'application/json' }).end('{"member":{"guid":"MBR-1","is_being_aggregated":true}}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/users/USR-1/members/MBR-1/aggregate`;
    const response = await fetch(url, { method: 'POST' });
    expect(response.ok).toBe(true);
    expect(isSuccess(response, { normalizer, provider: 'mx' })).toBe(false);
    const error = await fromResponse(response, { normalizer, provider: 'mx', request: { method: 'POST', url } });
    expect(error).toMatchObject({
      kind: 'conflict',
      endpoint: 'POST /users/{user_identifier}/members/{member_identifier}/aggregate',
      retry: { waitForJob: true },
    });
    expect(retryDecision(error, { attempt: 1 }).action).toBe('poll-job');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
