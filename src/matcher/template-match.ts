import type { ParsedTemplate } from '../catalog/message-template.js';

/** Messages longer than this are not matched against templates: bounded work on hostile input. */
const MAX_MATCH_CHARS = 2048;
const MAX_PARAM_CHARS = 256;

/**
 * Reads the placeholders of a documented template out of an observed message,
 * with indexOf rather than a regular expression, so the work is linear.
 */
export function matchTemplate(template: ParsedTemplate, message: string): Record<string, string> | undefined {
  const { literals, names } = template;
  if (names.length === 0 || message.length > MAX_MATCH_CHARS) return undefined;
  const head = literals[0] ?? '';
  const tail = literals[literals.length - 1] ?? '';
  if (!message.startsWith(head) || !message.endsWith(tail) || message.length < head.length + tail.length) return undefined;
  const end = message.length - tail.length;
  const params: Record<string, string> = {};
  let at = head.length;
  for (let i = 0; i < names.length; i++) {
    const next = i + 1 < names.length ? message.indexOf(literals[i + 1] ?? '', at) : end;
    if (next < at || next > end) return undefined;
    const value = message.slice(at, next);
    if (value === '' || value.length > MAX_PARAM_CHARS) return undefined;
    params[names[i] ?? ''] = value;
    at = next + (i + 1 < names.length ? (literals[i + 1] ?? '').length : 0);
  }
  return params;
}
