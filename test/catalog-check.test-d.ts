/**
 * The catalog mistakes the compiler catches: each `@ts-expect-error` below fails
 * the type check if defineCatalog stops catching that mistake.
 */
import { describe, test } from 'vitest';
import { defineCatalog } from '../src/catalog/index.js';

const source = 'https://docs.example.com/errors';

describe('defineCatalog at compile time', () => {
  test('a valid catalog compiles', () => {
    defineCatalog({
      id: 'ok',
      name: 'Ok',
      source,
      codes: { A: { kind: 'reconnect-required', detail: 'consent', source, hints: { userAction: 'reconnect' } }, B: { kind: 'auth', source } },
      endpoints: {
        'GET /a/{id}': {
          source,
          rows: [
            { status: 401, code: 'A' },
            { status: 404, kind: 'not-found' },
          ],
        },
      },
    });
  });

  test('an unknown key is an error where it stands', () => {
    // @ts-expect-error: codez is not a catalog key
    defineCatalog({ id: 'x', name: 'X', source, codez: {} });
    // @ts-expect-error: mesage is not a key of a code entry
    defineCatalog({ id: 'x', name: 'X', source, codes: { A: { kind: 'auth', source, mesage: 'typo' } } });
    // @ts-expect-error: retryable misspelt in hints
    defineCatalog({ id: 'x', name: 'X', source, codes: { A: { kind: 'auth', source, hints: { retriable: true } } } });
    // @ts-expect-error: nott is not a key of rateLimits
    defineCatalog({ id: 'x', name: 'X', source, rateLimits: { source, nott: 'x' } });
    // @ts-expect-error: millis is not a key of timeout
    defineCatalog({ id: 'x', name: 'X', source, timeout: { ms: 1000, source, millis: 1000 } });
    defineCatalog({ id: 'x', name: 'X', source, rateLimits: { source, note: 'fine' }, timeout: { ms: 1000, source } });
  });

  test('a detail of the wrong kind is an error', () => {
    // @ts-expect-error: bored is not a reconnect-required reason
    defineCatalog({ id: 'x', name: 'X', source, codes: { A: { kind: 'reconnect-required', detail: 'bored', source } } });
    // @ts-expect-error: auth carries no detail
    defineCatalog({ id: 'x', name: 'X', source, codes: { A: { kind: 'auth', detail: 'consent', source } } });
  });

  test('a malformed endpoint id is an error', () => {
    // @ts-expect-error: the method must be upper case and followed by a path
    defineCatalog({ id: 'x', name: 'X', source, endpoints: { 'get /a': { source, rows: [] } } });
  });

  test('a row whose code has no meaning, and a row with neither code nor kind, are errors', () => {
    defineCatalog({
      id: 'x',
      name: 'X',
      source,
      codes: { A: { kind: 'auth', source } },
      // @ts-expect-error: code Z is not in codes and the row gives no kind
      endpoints: { 'GET /a': { source, rows: [{ status: 400, code: 'Z' }] } },
    });
    // @ts-expect-error: a row needs a code or a kind
    defineCatalog({ id: 'x', name: 'X', source, endpoints: { 'GET /a': { source, rows: [{ status: 400 }] } } });
  });

  test("a row inherits its code's kind for its detail", () => {
    defineCatalog({
      id: 'x',
      name: 'X',
      source,
      codes: { A: { kind: 'reconnect-required', source } },
      endpoints: { 'GET /a': { source, rows: [{ status: 400, code: 'A', detail: 'consent' }] } },
    });
    defineCatalog({
      id: 'x',
      name: 'X',
      source,
      codes: { A: { kind: 'reconnect-required', source } },
      // @ts-expect-error: the inherited kind reconnect-required has no detail 'timeout'
      endpoints: { 'GET /a': { source, rows: [{ status: 400, code: 'A', detail: 'timeout' }] } },
    });
  });
});
