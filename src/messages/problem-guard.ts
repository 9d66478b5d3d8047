import type { ProblemBody } from '../gateway/to-problem.js';
import { MESSAGES_EN } from './messages-en.js';

function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

const optionalString = (value: object, key: string): boolean => {
  const field = own(value, key);
  return field === undefined || typeof field === 'string';
};

/**
 * Whether a value is a gateway's problem+json body (what `toProblem` writes), so
 * a frontend can render it with `renderMessage` without shipping a validator;
 * never throws. Its JSON Schema is `aggregator-errors/schemas/problem.json`.
 *
 * @example
 * ```ts
 * const body: unknown = await response.json();
 * if (isProblemBody(body)) show(renderMessage(body));
 * ```
 *
 * @public
 */
export function isProblemBody(value: unknown): value is ProblemBody {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const status = own(value, 'status');
    const kind = own(value, 'kind');
    const action = own(value, 'userAction');
    const retryAfter = own(value, 'retryAfter');
    return (
      typeof own(value, 'type') === 'string' &&
      typeof own(value, 'title') === 'string' &&
      typeof own(value, 'detail') === 'string' &&
      typeof own(value, 'provider') === 'string' &&
      typeof status === 'number' &&
      Number.isInteger(status) &&
      status >= 400 &&
      status <= 599 &&
      typeof kind === 'string' &&
      Object.hasOwn(MESSAGES_EN.kinds, kind) &&
      typeof action === 'string' &&
      Object.hasOwn(MESSAGES_EN.actions, action) &&
      (retryAfter === undefined || (typeof retryAfter === 'number' && Number.isInteger(retryAfter) && retryAfter >= 0)) &&
      ['instance', 'code', 'reason', 'scope', 'requestId', 'displayMessage'].every((key) => optionalString(value, key))
    );
  } catch {
    return false;
  }
}
