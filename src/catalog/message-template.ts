/**
 * Documented message templates (`'User {user_id} not found'`): split once per
 * catalog, checked once when a catalog is validated, rendered by the tools.
 */
import { isParamName } from './endpoint-id.js';

/** A message template taken apart: literal text around named placeholders. */
export interface ParsedTemplate {
  /** Literal pieces; `names[i]` stands between `literals[i]` and `literals[i + 1]`. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

/** Splits a valid template; `undefined` when it has no placeholder. */
export function splitTemplate(message: string): ParsedTemplate | undefined {
  const pieces = message.split(/\{([A-Za-z_]\w*)\}/);
  if (pieces.length === 1) return undefined;
  return { literals: pieces.filter((_, i) => i % 2 === 0), names: pieces.filter((_, i) => i % 2 === 1) };
}

/** Everything wrong with a template, in one pass over it (linear in its length, whatever it holds). */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let previousEnd = -1;
  let previousName = '';
  let i = 0;
  while (i < template.length && problems.length < 20) {
    const open = template.indexOf('{', i);
    const close = template.indexOf('}', i);
    if (close >= 0 && (open < 0 || close < open)) {
      problems.push(`unmatched "}" at ${close}`);
      i = close + 1;
      continue;
    }
    if (open < 0) break;
    const end = template.indexOf('}', open);
    const name = end < 0 ? '' : template.slice(open + 1, end);
    if (end < 0 || !isParamName(name)) {
      problems.push(`placeholder at ${open} must be {name} with a name of letters, digits and _ (not __proto__, constructor or prototype)`);
      i = end < 0 ? template.length : end + 1;
      continue;
    }
    if (seen.has(name)) problems.push(`placeholder {${name}} appears twice`);
    if (previousEnd === open) problems.push(`placeholders {${previousName}} and {${name}} must be separated by text`);
    seen.add(name);
    previousEnd = end + 1;
    previousName = name;
    i = end + 1;
  }
  return problems;
}

/** Renders a template with values; a placeholder without a value becomes `fallback(name)`. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>, fallback: (name: string) => string): string {
  const parsed = splitTemplate(template);
  if (parsed === undefined) return template;
  let out = parsed.literals[0] ?? '';
  parsed.names.forEach((name, i) => {
    out += (Object.hasOwn(values, name) ? values[name] : undefined) ?? fallback(name);
    out += parsed.literals[i + 1] ?? '';
  });
  return out;
}
