/**
 * Signature checks with real keys generated here: Plaid's ES256 JWT (verified
 * by jose), and the HMAC-SHA256 headers of Finicity, Aerosync and Teller
 * (WebCrypto). A bad, missing, stale, replayed or `alg: none` signature is a
 * typed rejection, never a throw and never an accepted event.
 */
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { allCatalogs } from '../catalogs/all.js';
import { createNormalizer } from '../src/index.js';
import { createPlaidTestKey, signWebhook, webhookFixtures, type PlaidTestKey } from '../src/testkit/index.js';
import { constantTimeEqual, decodeMac, sha256Hex } from '../src/webhooks/crypto.js';
import {
  WEBHOOK_REJECTIONS,
  plaidKeyCache,
  receiveAerosyncWebhook,
  receiveFinicityWebhook,
  receivePlaidWebhook,
  receiveTellerWebhook,
  receiveWebhook,
  type WebhookResult,
} from '../src/webhooks/index.js';

const normalizer = createNormalizer(allCatalogs);
const encoder = new TextEncoder();

function fixture(provider: string, start: string): string {
  const found = webhookFixtures(provider).find((f) => f.name.startsWith(start));
  if (found === undefined) throw new Error(`no fixture ${start}`);
  return JSON.stringify(found.payload);
}

function rejection(result: WebhookResult): string | undefined {
  return result.ok ? undefined : result.reason;
}

describe('Plaid-Verification (ES256 JWT, jose)', () => {
  let key: PlaidTestKey;
  const body = fixture('plaid', 'plaid ITEM.ERROR (ITEM_LOGIN');
  const now = Date.UTC(2025, 0, 15, 12, 0, 0);
  const iat = now / 1000;
  const at = () => now;

  beforeAll(async () => {
    key = await createPlaidTestKey({ kid: 'bfbd5111-8e33-4643-8ced-b2e642a72f3c' });
  });

  async function signed(options: { iat?: number; bodyHash?: string } = {}): Promise<Record<string, string>> {
    return signWebhook({
      provider: 'plaid',
      body,
      signing: { plaid: { key, iat: options.iat ?? iat, ...(options.bodyHash === undefined ? {} : { bodyHash: options.bodyHash }) } },
    });
  }

  function receive(raw: string | Uint8Array | ArrayBuffer, headers: unknown, extra: Record<string, unknown> = {}): Promise<WebhookResult> {
    return receivePlaidWebhook(raw, headers as Record<string, string>, { normalizer, getKey: key.getKey, now: at, ...extra });
  }

  test('a genuine webhook verifies and classifies', async () => {
    const result = await receive(body, await signed());
    expect(result).toMatchObject({
      ok: true,
      verified: true,
      event: { state: 'needs-reconnect', provider: 'plaid', event: 'ITEM.ERROR', reason: 'credentials' },
    });
    expect(result.ok && (result.payload as { item_id: string }).item_id).toBe('wz666MBjYWTp2PDzzggYhM6oWWmBb');
  });

  test('the header is read in any case and from any header shape; the body as text, bytes or an ArrayBuffer', async () => {
    const headers = await signed();
    const jwt = headers['plaid-verification'] ?? '';
    const bytes = encoder.encode(body);
    for (const shape of [
      { 'Plaid-Verification': jwt },
      new Headers({ 'plaid-verification': jwt }),
      [['PLAID-VERIFICATION', jwt]],
      new Map([['plaid-verification', jwt]]),
      { 'plaid-verification': [jwt] },
    ]) {
      expect(await receive(body, shape)).toMatchObject({ ok: true });
    }
    expect(await receive(bytes, headers)).toMatchObject({ ok: true });
    expect(await receive(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), headers)).toMatchObject({ ok: true });
  });

  test('a missing header, or one that is not a JWT', async () => {
    expect(rejection(await receive(body, {}))).toBe('missing-signature');
    expect(rejection(await receive(body, { 'plaid-verification': '' }))).toBe('missing-signature');
    expect(rejection(await receive(body, { 'plaid-verification': 'not.a.jwt' }))).toBe('malformed-signature');
    expect(rejection(await receive(body, { 'plaid-verification': 'x'.repeat(9000) }))).toBe('missing-signature');
  });

  test('alg "none" is refused before any key is looked up', async () => {
    let asked = 0;
    const unsecured = new UnsecuredJWT({ request_body_sha256: await sha256Hex(encoder.encode(body)) }).setIssuedAt(iat).encode();
    const result = await receivePlaidWebhook(
      body,
      { 'plaid-verification': unsecured },
      {
        normalizer,
        now: at,
        getKey: async (kid) => {
          asked++;
          return key.getKey(kid);
        },
      },
    );
    expect(rejection(result)).toBe('unsupported-algorithm');
    expect(asked).toBe(0);
  });

  test('HS256 with the public key as the secret (the algorithm confusion attack) is refused', async () => {
    const secret = encoder.encode(JSON.stringify(key.jwk));
    const jwt = await new SignJWT({ request_body_sha256: await sha256Hex(encoder.encode(body)) })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuedAt(iat)
      .sign(secret);
    expect(rejection(await receive(body, { 'plaid-verification': jwt }))).toBe('unsupported-algorithm');
  });

  test("a forged JWT: signed by another key under Plaid's kid", async () => {
    const forger = await createPlaidTestKey({ kid: key.kid });
    const headers = await signWebhook({ provider: 'plaid', body, signing: { plaid: { key: forger, iat } } });
    expect(rejection(await receive(body, headers))).toBe('bad-signature');
  });

  test('a tampered body: one changed byte', async () => {
    const headers = await signed();
    expect(rejection(await receive(body.replace('ITEM_LOGIN_REQUIRED', 'ITEM_LOGIN_REQUIREE'), headers))).toBe('body-mismatch');
  });

  test('a replayed JWT: a genuine signature sent with another body', async () => {
    const headers = await signed();
    const other = fixture('plaid', 'plaid ITEM.LOGIN_REPAIRED');
    expect(rejection(await receive(other, headers))).toBe('body-mismatch');
  });

  test('a replayed delivery: the same JWT and body again, caught by the seen check', async () => {
    const headers = await signed();
    const keys = new Set<string>();
    const seen = (replay: string): boolean => {
      if (keys.has(replay)) return true;
      keys.add(replay);
      return false;
    };
    expect(await receive(body, headers, { seen })).toMatchObject({ ok: true });
    expect(rejection(await receive(body, headers, { seen }))).toBe('replayed');
    expect(rejection(await receive(body, headers, { seen: () => Promise.reject(new Error('redis down')) }))).toBe('replay-check-failed');
    expect([...keys][0]).toMatch(/^plaid:[0-9a-f]{64}$/);
  });

  test('a stale JWT (issued more than five minutes ago), and one dated in the future', async () => {
    expect(rejection(await receive(body, await signed({ iat: iat - 301 - 30 })))).toBe('stale');
    expect(await receive(body, await signed({ iat: iat - 299 }))).toMatchObject({ ok: true });
    expect(rejection(await receive(body, await signed({ iat: iat + 120 })))).toBe('stale');
    expect(rejection(await receive(body, await signed({ iat: iat - 60 }), { maxAgeSeconds: 10, clockToleranceSeconds: 0 }))).toBe('stale');
  });

  test('a JWT without the body hash claim', async () => {
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuedAt(iat).sign(key.privateKey);
    expect(rejection(await receive(body, { 'plaid-verification': jwt }))).toBe('malformed-signature');
    const noIat = await new SignJWT({ request_body_sha256: await sha256Hex(encoder.encode(body)) })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .sign(key.privateKey);
    expect(rejection(await receive(body, { 'plaid-verification': noIat }))).toBe('malformed-signature');
  });

  test('key lookups: unknown, failing, hanging, expired, or not a P-256 key', async () => {
    const headers = await signed();
    expect(rejection(await receive(body, headers, { getKey: async () => undefined }))).toBe('unknown-key');
    expect(rejection(await receive(body, headers, { getKey: () => null }))).toBe('unknown-key');
    expect(
      rejection(
        await receive(body, headers, {
          getKey: () => {
            throw new Error('plaid down');
          },
        }),
      ),
    ).toBe('key-unavailable');
    expect(rejection(await receive(body, headers, { getKey: () => new Promise(() => undefined), keyTimeoutMs: 20 }))).toBe('key-unavailable');
    expect(rejection(await receive(body, headers, { getKey: async () => ({ ...key.jwk, expired_at: iat - 1 }) }))).toBe('expired-key');
    expect(await receive(body, headers, { getKey: async () => ({ ...key.jwk, expired_at: iat + 3600 }) })).toMatchObject({ ok: true });
    const p384 = await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey);
    expect(rejection(await receive(body, headers, { getKey: async () => p384 }))).toBe('unknown-key');
    expect(rejection(await receive(body, headers, { getKey: async () => ({ ...key.jwk, x: 'AAAA' }) }))).toBe('unknown-key');
    expect(rejection(await receive(body, headers, { getKey: async () => ({ ...key.jwk, kid: 'another-key' }) }))).toBe('unknown-key');
    expect(rejection(await receive(body, headers, { getKey: async () => ({ ...key.jwk, use: 'enc' }) }))).toBe('unknown-key');
    // A private JWK is read for its public members only.
    expect(await receive(body, headers, { getKey: async () => ({ ...key.jwk, d: 'not-used' }) })).toMatchObject({ ok: true });
    // A CryptoKey works as well as a JWK.
    const { publicKey } = await generateKeyPair('ES256');
    expect(rejection(await receive(body, headers, { getKey: async () => publicKey }))).toBe('bad-signature');
  });

  test('no key lookup configured, an oversized body, a body that is not JSON', async () => {
    expect(rejection(await receivePlaidWebhook(body, await signed(), { normalizer } as never))).toBe('not-configured');
    expect(rejection(await receive(`{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`, await signed()))).toBe('too-large');
    expect(rejection(await receive(body, await signed(), { maxBodyBytes: 100 }))).toBe('too-large');
    const html = '<html>not json</html>';
    const headers = await signWebhook({ provider: 'plaid', body: html, signing: { plaid: { key, iat } } });
    expect(rejection(await receive(html, headers))).toBe('unreadable-body');
    expect(rejection(await receive({ not: 'a raw body' } as never, headers))).toBe('unreadable-body');
  });

  test('a rejection says why in a fixed sentence, never quoting the request', async () => {
    const marker = 'eyJhbGciOiJub25lIn0.SECRET-MARKER.';
    for (const headers of [{ 'plaid-verification': marker }, {}, await signed({ iat: 1 })]) {
      const result = await receive(body, headers);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(WEBHOOK_REJECTIONS).toContain(result.reason);
        expect(result.message).not.toContain('SECRET-MARKER');
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('plaidKeyCache', () => {
  test("asks Plaid once per key id, shares concurrent lookups, accepts Plaid's and the client's response shapes", async () => {
    const key = await createPlaidTestKey();
    let calls = 0;
    const getKey = plaidKeyCache({
      fetchKey: async (kid) => {
        calls++;
        return kid === key.kid ? { data: { key: key.jwk, request_id: 'r' } } : undefined;
      },
    });
    const [a, b] = await Promise.all([getKey(key.kid), getKey(key.kid)]);
    expect(a).toEqual(key.jwk);
    expect(b).toEqual(key.jwk);
    await getKey(key.kid);
    expect(calls).toBe(1);
    expect(await getKey('unknown')).toBeUndefined();
    expect(await getKey('unknown')).toBeUndefined();
    expect(calls).toBe(2);
  });

  test('keys expire after ttlMs, unknown ids after missTtlMs; at most maxKeys are kept; a failure is not cached', async () => {
    let clock = 0;
    let calls = 0;
    let failing = true;
    const getKey = plaidKeyCache({
      fetchKey: async (kid) => {
        calls++;
        if (kid === 'flaky' && failing) throw new Error('plaid down');
        return { key: { kty: 'EC', crv: 'P-256', x: kid, y: kid } };
      },
      ttlMs: 100,
      missTtlMs: 10,
      maxKeys: 2,
      now: () => clock,
    });
    await getKey('k1');
    clock = 50;
    await getKey('k1');
    expect(calls).toBe(1);
    clock = 101;
    await getKey('k1');
    expect(calls).toBe(2);
    await getKey('k2');
    await getKey('k3');
    await getKey('k1');
    expect(calls).toBe(5);
    await expect(getKey('flaky')).rejects.toThrow('plaid down');
    failing = false;
    expect(await getKey('flaky')).toMatchObject({ kty: 'EC' });
  });

  test("Plaid's INVALID_WEBHOOK_VERIFICATION_KEY_ID (thrown by its client as an axios error) is an unknown key id, remembered as one", async () => {
    let calls = 0;
    const getKey = plaidKeyCache({
      fetchKey: async () => {
        calls++;
        throw Object.assign(new Error('Request failed with status code 400'), {
          response: { status: 400, data: { error_type: 'INVALID_INPUT', error_code: 'INVALID_WEBHOOK_VERIFICATION_KEY_ID' } },
        });
      },
    });
    expect(await getKey('forged-kid')).toBeUndefined();
    expect(await getKey('forged-kid')).toBeUndefined();
    expect(calls).toBe(1);
  });

  test('receivePlaidWebhook with the cache: a genuine webhook verifies; the lookup failing is key-unavailable', async () => {
    const key = await createPlaidTestKey();
    const body = fixture('plaid', 'plaid ITEM.LOGIN_REPAIRED');
    const headers = await signWebhook({ provider: 'plaid', body, signing: { plaid: { key } } });
    expect(await receivePlaidWebhook(body, headers, { normalizer, getKey: plaidKeyCache({ fetchKey: async () => ({ key: key.jwk }) }) })).toMatchObject({
      ok: true,
      event: { state: 'recovered' },
    });
    expect(
      rejection(await receivePlaidWebhook(body, headers, { normalizer, getKey: plaidKeyCache({ fetchKey: async () => Promise.reject(new Error('down')) }) })),
    ).toBe('key-unavailable');
  });
});

describe('HMAC-SHA256 signatures (WebCrypto, constant-time compare)', () => {
  const secret = 'partner-secret-\u00e9';
  const finicity = fixture('finicity', 'finicity accountsDeleted');
  const aerosync = fixture('aerosync', 'aerosync bank.revocation');
  const teller = fixture('teller', 'teller enrollment.disconnected (disconnected.account_locked)');

  test("Finicity X-Finicity-Signature: genuine, wrong secret, tampered body, missing, malformed; Mastercard's X-Signature; a rotation list", async () => {
    const headers = await signWebhook({ provider: 'finicity', body: finicity, signing: { finicity: { secret } } });
    const ok = await receiveFinicityWebhook(finicity, headers, { normalizer, secret });
    expect(ok).toMatchObject({
      ok: true,
      verified: true,
      deliveryId: '1744671850866-f9b8ef21c571b7d0e80c2c3d',
      event: { state: 'revoked', accounts: ['7077265539'] },
    });
    expect(rejection(await receiveFinicityWebhook(finicity, headers, { normalizer, secret: 'another' }))).toBe('bad-signature');
    expect(rejection(await receiveFinicityWebhook(finicity.replace('7077265539', '7077265530'), headers, { normalizer, secret }))).toBe('bad-signature');
    expect(rejection(await receiveFinicityWebhook(finicity, {}, { normalizer, secret }))).toBe('missing-signature');
    expect(rejection(await receiveFinicityWebhook(finicity, { 'x-finicity-signature': 'zz' }, { normalizer, secret }))).toBe('malformed-signature');
    expect(rejection(await receiveFinicityWebhook(finicity, headers, { normalizer, secret: '' }))).toBe('not-configured');
    const mac = headers['x-finicity-signature'] ?? '';
    expect(await receiveFinicityWebhook(finicity, { 'X-Signature': mac.toUpperCase() }, { normalizer, secret })).toMatchObject({ ok: true });
    expect(await receiveFinicityWebhook(finicity, headers, { normalizer, secret: ['new-secret', secret] })).toMatchObject({ ok: true });
  });

  test("Aerosync X-Webhook-Signature: sha256=<hex>; the optional age limit on the body's timestamp", async () => {
    const headers = await signWebhook({ provider: 'aerosync', body: aerosync, signing: { aerosync: { secret } } });
    expect(headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(await receiveAerosyncWebhook(aerosync, headers, { normalizer, secret })).toMatchObject({
      ok: true,
      event: { state: 'revoked', connection: { id: 'a1b2c3d4' } },
    });
    expect(rejection(await receiveAerosyncWebhook(aerosync, headers, { normalizer, secret: 'wrong' }))).toBe('bad-signature');
    expect(rejection(await receiveAerosyncWebhook(aerosync, { 'x-webhook-signature': 'sha256=' }, { normalizer, secret }))).toBe('malformed-signature');
    const sent = 1700000000 * 1000;
    expect(await receiveAerosyncWebhook(aerosync, headers, { normalizer, secret, maxAgeSeconds: 300, now: () => sent + 60_000 })).toMatchObject({ ok: true });
    expect(rejection(await receiveAerosyncWebhook(aerosync, headers, { normalizer, secret, maxAgeSeconds: 300, now: () => sent + 600_000 }))).toBe('stale');
  });

  test('Teller-Signature (third-party scheme): genuine, several v1 during a rotation, stale, malformed, wrong secret', async () => {
    const t = 1_700_000_000;
    const now = () => (t + 10) * 1000;
    const headers = await signWebhook({ provider: 'teller', body: teller, signing: { teller: { secrets: ['new', secret], timestamp: t } } });
    expect(headers['teller-signature']).toMatch(/^t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(await receiveTellerWebhook(teller, headers, { normalizer, secret, now })).toMatchObject({
      ok: true,
      deliveryId: 'wh_oiffb5cocakqmksbkg000',
      event: { state: 'needs-reconnect', reason: 'account-locked' },
    });
    expect(rejection(await receiveTellerWebhook(teller, headers, { normalizer, secret: 'old', now }))).toBe('bad-signature');
    expect(rejection(await receiveTellerWebhook(teller, headers, { normalizer, secret, now: () => (t + 181) * 1000 }))).toBe('stale');
    expect(rejection(await receiveTellerWebhook(teller, { 'teller-signature': 'v1=abc' }, { normalizer, secret, now }))).toBe('malformed-signature');
    expect(rejection(await receiveTellerWebhook(teller, { 'teller-signature': `t=${t},v1=${'0'.repeat(64)}` }, { normalizer, secret, now }))).toBe(
      'bad-signature',
    );
    // The timestamp is signed: moving it breaks the signature.
    const moved = (headers['teller-signature'] ?? '').replace(`t=${t}`, `t=${t + 5}`);
    expect(rejection(await receiveTellerWebhook(teller, { 'teller-signature': moved }, { normalizer, secret, now }))).toBe('bad-signature');
  });

  test('the comparison and decoding primitives', () => {
    const a = new Uint8Array(32).fill(7);
    expect(constantTimeEqual(a, new Uint8Array(32).fill(7))).toBe(true);
    const b = new Uint8Array(32).fill(7);
    b[31] = 8;
    expect(constantTimeEqual(a, b)).toBe(false);
    expect(constantTimeEqual(a, a.subarray(1))).toBe(false);
    expect(decodeMac('ab'.repeat(32))).toHaveLength(32);
    expect(decodeMac('AB'.repeat(32))).toEqual(decodeMac('ab'.repeat(32)));
    expect(decodeMac(btoa(String.fromCharCode(...a)))).toEqual(a);
    expect(decodeMac('zz'.repeat(32))).toBeUndefined();
    expect(decodeMac('ab'.repeat(31))).toBeUndefined();
  });
});

describe('receiveWebhook', () => {
  test('dispatches on provider; providers without a documented signature are accepted unverified', async () => {
    const mx = fixture('mx', 'mx CONNECTION_STATUS DENIED');
    expect(await receiveWebhook(mx, {}, { provider: 'mx', normalizer })).toMatchObject({
      ok: true,
      verified: false,
      event: { state: 'needs-reconnect', reason: 'credentials' },
    });
    const yodlee = fixture('yodlee', 'yodlee LATEST_BALANCE_UPDATES');
    expect(await receiveWebhook(yodlee, {}, { provider: 'yodlee', normalizer })).toMatchObject({
      ok: true,
      verified: false,
      deliveryId: '63c73475-4db5-49ef-8553-8303337ca7c3',
    });
    expect(rejection(await receiveWebhook(mx, {}, { provider: 'stripe', normalizer } as never))).toBe('not-configured');
    expect(rejection(await receiveWebhook(mx, {}, { provider: 'finicity', normalizer } as never))).toBe('not-configured');
    expect(rejection(await receiveWebhook(mx, {}, { provider: 'finicity', secret: 's', normalizer }))).toBe('missing-signature');
  });

  test('every signing provider refuses an unsigned webhook', async () => {
    const key = await createPlaidTestKey();
    for (const options of [
      { provider: 'plaid', getKey: key.getKey, normalizer },
      { provider: 'finicity', secret: 's', normalizer },
      { provider: 'aerosync', secret: 's', normalizer },
      { provider: 'teller', secret: 's', normalizer },
    ] as const) {
      expect(rejection(await receiveWebhook('{}', {}, options))).toBe('missing-signature');
    }
  });
});
