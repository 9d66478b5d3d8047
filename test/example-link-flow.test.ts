/**
 * The example link-flow page (examples/link-flow/) in a real headless Chromium:
 * the page and an esbuild bundle of its script (the widget adapters and the
 * renderers, from src/) are served over loopback; the assertions read the text
 * a user would see, and a screenshot is kept in test-results/ for a person to open.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNormalizer } from '../src/index.js';
import { toProblem } from '../src/gateway/index.js';
import { MESSAGES_EN } from '../src/messages/index.js';
import { plaid } from '../catalogs/plaid.js';
import { RECORDED_PROBLEM, RECORDED_RECOVERY } from '../examples/link-flow/recorded.js';

const ROOT = resolve(import.meta.dirname, '..');
const SCREENSHOTS = join(ROOT, 'test-results');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: Server;
let baseUrl: string;
let profile: string;
let context: BrowserContext;
const served: string[] = [];

beforeAll(async () => {
  const [html, bundle] = await Promise.all([
    readFile(join(ROOT, 'examples/link-flow/index.html')),
    build({
      entryPoints: [join(ROOT, 'examples/link-flow/app.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    }),
  ]);
  const script = bundle.outputFiles[0]?.contents ?? new Uint8Array();
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    served.push(path);
    if (path === '/' || path === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (path === '/app.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    else response.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = await mkdtemp(join(tmpdir(), 'link-flow-chromium-'));
  // A new empty profile; Playwright passes it as --user-data-dir and adds --headless.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1024, height: 900 },
  });
  // No provider SDK and no network: everything but the loopback server is refused.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((done) => (server === undefined ? done() : server.close(() => done())));
  if (profile !== undefined) await rm(profile, { recursive: true, force: true });
});

/** The page at a locale, once every recorded signal went through; its errors are collected. */
async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}/${query}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
  return { page, errors };
}

async function card(
  page: Page,
  id: string,
): Promise<{ state: string | null; title: string | null; body: string | null; button: string | null; action: string | null; nothing: boolean }> {
  const item = page.locator(`li[data-testid="${id}"]`);
  const has = async (selector: string): Promise<boolean> => (await item.locator(selector).count()) > 0;
  return {
    state: await item.getAttribute('data-state'),
    title: (await has('h2')) ? await item.locator('h2').textContent() : null,
    body: (await has('p')) ? await item.locator('p').textContent() : null,
    button: (await has('button')) ? await item.locator('button').textContent() : null,
    action: (await has('button')) ? await item.locator('button').getAttribute('data-action') : null,
    nothing: await has('.nothing'),
  };
}

describe('the link-flow page in headless Chromium', () => {
  test('renders what a user would see for each recorded signal, in English', { timeout: 60_000 }, async () => {
    const { page, errors } = await open('?lang=en-US');
    expect(await page.locator('li').count()).toBe(13);
    // Analytics and cancels show nothing: the user closed the widget, nothing went wrong.
    for (const id of ['plaid-open', 'plaid-cancel', 'finicity-cancel', 'teller-exit'])
      expect(await card(page, id)).toMatchObject({ nothing: true, title: null });
    expect((await card(page, 'plaid-cancel')).state).toBe('cancelled');
    expect(await card(page, 'plaid-error')).toMatchObject({
      state: 'failed',
      title: "Couldn't connect",
      body: "We couldn't connect to your bank.",
      button: 'Reconnect',
      action: 'reconnect',
    });
    expect(await card(page, 'plaid-unsupported')).toMatchObject({ state: 'failed', title: 'Bank not supported', button: 'Link another account' });
    // A real postMessage, JSON text, read back through MX's adapter after an origin check.
    expect(await card(page, 'mx-denied')).toMatchObject({ state: 'failed', title: "Couldn't connect", button: 'Update login', action: 'reenter-credentials' });
    expect(await card(page, 'mx-mfa')).toMatchObject({ state: 'pending', title: "Verify it's you" });
    expect(await card(page, 'mx-connected')).toMatchObject({ state: 'connected', title: 'Bank connected', button: 'OK' });
    expect(await card(page, 'aerosync-error')).toMatchObject({ state: 'failed', button: 'Update login' });
    expect(await card(page, 'finicity-timeout')).toMatchObject({ state: 'failed', title: "Couldn't connect", button: 'Reconnect' });
    expect(await card(page, 'recovered')).toMatchObject({ state: 'recovered', title: 'All good', body: 'Your bank connection is working again.' });
    expect(await card(page, 'problem')).toMatchObject({
      title: 'Check your bank login',
      body: MESSAGES_EN.details['reconnect-required.credentials']?.body,
      button: 'Reconnect',
    });
    // No provider's developer text, code or id reached what the user reads (the grey labels name the recorded signals).
    const text = (await page.locator('.message').allInnerTexts()).join('\n');
    expect(text).toContain('All good');
    for (const secret of [
      'INVALID_CREDENTIALS',
      'AC-117',
      'MBR-123',
      'USR-123',
      'ins_20',
      'the provided credentials',
      'routing numbers',
      'ITEM_LOGIN_REQUIRED',
    ])
      expect(text).not.toContain(secret);
    expect(errors).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'link-flow.png'), fullPage: true });
    await page.close();
  });

  test('renders the same flow in Spanish', { timeout: 60_000 }, async () => {
    const { page, errors } = await open('?lang=es-MX');
    expect(await card(page, 'recovered')).toMatchObject({ title: 'Todo en orden', button: 'Aceptar' });
    expect(await card(page, 'plaid-unsupported')).toMatchObject({ title: 'Banco no admitido', button: 'Vincular otra cuenta' });
    expect(await card(page, 'mx-denied')).toMatchObject({ title: 'No pudimos conectar', button: 'Actualizar acceso' });
    expect(await card(page, 'problem')).toMatchObject({ title: 'Revisa tu acceso al banco', button: 'Volver a conectar' });
    expect(await card(page, 'plaid-cancel')).toMatchObject({ nothing: true });
    expect(errors).toEqual([]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'link-flow-es.png'), fullPage: true });
    await page.close();
  });

  test('the screenshot is a PNG a person can open, and only the loopback server was asked', async () => {
    const png = await readFile(join(SCREENSHOTS, 'link-flow.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    expect(new Set(served)).toEqual(new Set(['/', '/app.js']));
  });
});

describe('the recorded gateway answers are what the library answers today', () => {
  test('the problem+json is toProblem of a Plaid ITEM_LOGIN_REQUIRED', () => {
    const error = createNormalizer([plaid]).normalize({
      provider: 'plaid',
      method: 'POST',
      url: 'https://production.plaid.com/accounts/get',
      status: 400,
      body: {
        error_type: 'ITEM_ERROR',
        error_code: 'ITEM_LOGIN_REQUIRED',
        error_message: 'the login details of this item have changed',
        display_message: null,
      },
    });
    expect(toProblem(error).body).toEqual(RECORDED_PROBLEM);
  });

  test('the forwarded event is a recovered event of the shape the builder makes', () => {
    expect(JSON.parse(RECORDED_RECOVERY)).toMatchObject({ state: 'recovered', provider: 'plaid', userAction: 'none', severity: 'info', accounts: [] });
  });
});
