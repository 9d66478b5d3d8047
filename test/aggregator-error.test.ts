import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { AggregatorError, createNormalizer } from '../src/index.js';
import { acme } from './support/acme.js';

const { normalize } = createNormalizer([acme]);
const normalized = normalize({ provider: 'acme', status: 400, body: JSON.stringify({ error: { code: 'E104', message: 'Reconnect' } }) });

describe('AggregatorError', () => {
  test('carries the normalized error, its kind, a name and the original as cause', () => {
    const cause = new Error('socket hang up');
    const error = new AggregatorError(normalized, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AggregatorError');
    expect(error.kind).toBe('reconnect-required');
    expect(error.error).toBe(normalized);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('acme E104: reconnect-required (Reconnect)');
    expect(error.stack).toContain('AggregatorError');
  });

  test('its JSON form is safe to log: no cause, no stack', () => {
    const cause = { config: { headers: { Authorization: 'Bearer sk-live-secret' }, data: '{"password":"hunter2"}' } };
    const json = JSON.stringify(new AggregatorError(normalized, { cause }));
    expect(json).not.toContain('sk-live-secret');
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('stack');
    expect(JSON.parse(json)).toEqual({
      name: 'AggregatorError',
      message: 'acme E104: reconnect-required (Reconnect)',
      error: JSON.parse(JSON.stringify(normalized)),
    });
  });

  test('the guard works across realms and duplicate copies, and rejects look-alikes', async () => {
    const copy = (await import('../src/errors/aggregator-error.js?copy' as string)) as typeof import('../src/errors/aggregator-error.js');
    const fromCopy = new copy.AggregatorError(normalized);
    expect(fromCopy instanceof AggregatorError).toBe(false);
    expect(AggregatorError.is(fromCopy)).toBe(true);
    expect(AggregatorError.is(fromCopy)).toBe(true);

    const foreign = runInNewContext(`
      const e = new Error('x');
      Object.defineProperty(e, Symbol.for('aggregator-errors.AggregatorError'), { value: true });
      e.error = { kind: 'auth' };
      e;
    `) as unknown;
    expect(foreign instanceof Error).toBe(false);
    expect(AggregatorError.is(foreign)).toBe(true);

    expect(AggregatorError.is(new Error('x'))).toBe(false);
    expect(AggregatorError.is({ name: 'AggregatorError', error: { kind: 'auth' } })).toBe(false);
    expect(AggregatorError.is({ [Symbol.for('aggregator-errors.AggregatorError')]: true, error: { kind: 'not-a-kind' } })).toBe(false);
    expect(AggregatorError.is(null)).toBe(false);
  });
});
