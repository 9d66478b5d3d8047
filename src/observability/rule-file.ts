/**
 * The one home of what every generated Prometheus rule file shares: reading
 * and checking options, PromQL selectors over catalog ids, and rendering the
 * YAML. `prometheusRules` and `connectionEventRules` decide which rules; this
 * file only writes them.
 */
import { arrayItems, own } from '../util/own.js';

const DURATION = /^(\d{1,9})(ms|s|m|h|d|w|y)$/;
const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const CATALOG_ID = /^[a-z][a-z0-9-]{0,63}$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/** An option given by the caller, read once, without trusting a getter or a proxy. */
export function option(options: unknown, key: string): unknown {
  return own(options, key);
}

/** A Prometheus duration (`'5m'`), or a `TypeError` naming the option. */
export function duration(value: unknown, name: string): string {
  if (typeof value !== 'string' || !DURATION.test(value))
    throw new TypeError(`aggregator-errors: ${name} must be a Prometheus duration such as "5m", got "${String(value).slice(0, 64)}"`);
  return value;
}

/** The seconds a duration checked by {@link duration} stands for. */
export function seconds(value: string): number {
  const [, amount, unit] = DURATION.exec(value) ?? [];
  return Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
}

/** A finite number at least `min`, as PromQL text, or a `TypeError` naming the option. */
export function threshold(value: unknown, name: string, min = 0): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    throw new TypeError(`aggregator-errors: ${name} must be a finite number >= ${min}, got ${String(value).slice(0, 64)}`);
  return String(value);
}

/** A metric name, or a `TypeError` naming the option. */
export function metricName(value: unknown, name: string): string {
  if (typeof value !== 'string' || !METRIC.test(value))
    throw new TypeError(`aggregator-errors: ${name} must be a Prometheus metric name, got "${String(value).slice(0, 64)}"`);
  return value;
}

/** A rule group name, or a `TypeError`. */
export function groupName(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 256)
    throw new TypeError('aggregator-errors: group must be a non-empty string of at most 256 characters');
  return value;
}

/**
 * A list option of values from a closed list, or a `TypeError` naming the first value that is not one.
 * `undefined` gives the defaults; an empty list is allowed (the rule it feeds is left out).
 */
export function closedList<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[],
  defaults: readonly T[],
  forbidden?: { readonly value: T; readonly why: string },
): readonly T[] {
  if (value === undefined) return defaults;
  let array = false;
  try {
    array = Array.isArray(value);
  } catch {
    // A revoked proxy: not a list.
  }
  if (!array) throw new TypeError(`aggregator-errors: ${name} must be an array of ${allowed.join(', ')}`);
  const items = arrayItems(value, 64);
  const out: T[] = [];
  for (const item of items) {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item))
      throw new TypeError(`aggregator-errors: ${name} must hold only ${allowed.join(', ')}, got "${String(item).slice(0, 64)}"`);
    if (forbidden !== undefined && item === forbidden.value) throw new TypeError(`aggregator-errors: ${name} cannot hold "${item}": ${forbidden.why}`);
    if (!out.includes(item as T)) out.push(item as T);
  }
  return out;
}

/** The catalog-shaped ids of the catalogs, sorted and unique, read without trusting the list. */
export function catalogIds(catalogs: unknown): string[] {
  return [...new Set(arrayItems(catalogs, 1024).map((catalog) => own(catalog, 'id')))]
    .filter((id): id is string => typeof id === 'string' && CATALOG_ID.test(id))
    .sort();
}

// YAML single-quoted scalars need only one escape, and PromQL's double quotes pass through untouched.
function yaml(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Escapes a value for a PromQL regular-expression matcher. */
export function regexEscape(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|"]/g, '\\$&');
}

/** A PromQL alternation of values (`"a|b"`), escaped. */
export function alternatives(values: readonly string[]): string {
  return values.map(regexEscape).join('|');
}

/** A selector: the metric and its matchers, without braces when there are none. */
export function selector(metric: string, matchers: readonly string[]): string {
  const kept = matchers.filter((matcher) => matcher !== '');
  return kept.length === 0 ? metric : `${metric}{${kept.join(',')}}`;
}

/** One alerting rule. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly severity: 'page' | 'ticket';
  readonly summary: string;
  readonly description: string;
}

/** One recording rule. */
export interface RecordRule {
  readonly record: string;
  readonly expr: string;
}

function renderRule(rule: AlertRule | RecordRule): string {
  if ('record' in rule) return [`      - record: ${rule.record}`, `        expr: ${yaml(rule.expr)}`].join('\n');
  return [
    `      - alert: ${rule.alert}`,
    `        expr: ${yaml(rule.expr)}`,
    ...(rule.for === undefined ? [] : [`        for: ${rule.for}`]),
    '        labels:',
    `          severity: ${rule.severity}`,
    '        annotations:',
    `          summary: ${yaml(rule.summary)}`,
    `          description: ${yaml(rule.description)}`,
  ].join('\n');
}

/** One rule group and the comment lines above it. */
export interface RuleSet {
  readonly comments: readonly string[];
  readonly group: string;
  /** In evaluation order: recording rules before the alerts that read them. */
  readonly rules: readonly (AlertRule | RecordRule)[];
}

/** A rules file of one group: comment lines first, then the rules in evaluation order. */
export function renderRuleFile({ comments, group, rules }: RuleSet): string {
  return [...comments.map((line) => `# ${line}`), 'groups:', `  - name: ${yaml(group)}`, '    rules:', ...rules.map(renderRule), ''].join('\n');
}

/**
 * A recording rule's expression: `sum by (provider, <label>) (rate(<range>))`,
 * with a zero for each of `zeroes` wherever the provider has any series but
 * none of that value, so that a kind or a state a provider never had has a
 * baseline of zero, not none. Values come from closed lists (kinds, states).
 */
export function zeroFilledRate(range: string, label: string, zeroes: readonly string[]): string {
  const rate = `sum by (provider, ${label}) (rate(${range}))`;
  const any = `sum by (provider) (rate(${range})) * 0`;
  return [rate, ...zeroes.map((value) => `label_replace(${any}, "${label}", "${value}", "", "")`)].join(' or ');
}

/**
 * The alert expression of a jump above a baseline, over a recorded rate: the
 * rate is above `factor` times its average over the baseline window (the
 * current window left out), and at least `min` events happened in the window.
 * A series with no baseline at all (nothing of its provider was counted before)
 * never fires: there is nothing to compare with.
 */
export function spikeExpr(recorded: string, factor: string, baseline: string, window: string, min: string): string {
  const perWindow = seconds(window);
  return `(${recorded} > ${factor} * avg_over_time(${recorded}[${baseline}] offset ${window})) and ${recorded} * ${perWindow} >= ${min}`;
}
