import { arrayItems, own } from '../util/own.js';
import type { CatalogInput } from '../catalog/types.js';
import type { Kind } from '../taxonomy/kinds.js';
import { KINDS } from '../taxonomy/kinds.js';
import { ALERT_ROUTING, type AlertAction } from './alert-routing.js';
import { ERRORS_METRIC } from './error-labels.js';

/**
 * Thresholds and names of the generated rules.
 *
 * @public
 */
export interface PrometheusRuleOptions {
  /**
   * The counter the application increments with `errorLabels(error)`.
   * @defaultValue `'aggregator_errors_total'`
   */
  readonly metric?: string;
  /**
   * The rule group's name.
   * @defaultValue `'aggregator-errors'`
   */
  readonly group?: string;
  /**
   * The range of every `rate()` and `increase()`.
   * @defaultValue `'5m'`
   */
  readonly window?: string;
  /**
   * Errors per second of `severity="page"`, per provider and kind, above which someone is paged.
   * @defaultValue `0.05`
   */
  readonly pageRate?: number;
  /**
   * How long the page rate must hold before paging.
   * @defaultValue `'5m'`
   */
  readonly pageFor?: string;
  /**
   * `auth` errors of one provider within `window` that page at once: our credentials broke.
   * @defaultValue `3`
   */
  readonly authBurst?: number;
  /**
   * Errors per second of `severity="ticket"`, per provider and kind, above which a ticket opens.
   * @defaultValue `0.1`
   */
  readonly ticketRate?: number;
  /**
   * How long the ticket rate must hold.
   * @defaultValue `'30m'`
   */
  readonly ticketFor?: string;
  /**
   * The range over which any undocumented code (`code="other"`) or unmatched error (`match="none"`) opens a ticket.
   * @defaultValue `'1h'`
   */
  readonly undocumentedWindow?: string;
}

const DURATION = /^\d+(ms|s|m|h|d|w|y)$/;
const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const CATALOG_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** An option given by the caller, read without running a getter twice or trusting a proxy. */
function option(options: PrometheusRuleOptions | undefined, key: keyof PrometheusRuleOptions): unknown {
  return own(options, key);
}

function duration(value: unknown, name: string): string {
  if (typeof value !== 'string' || !DURATION.test(value)) throw new TypeError(`aggregator-errors: ${name} must be a Prometheus duration such as "5m", got "${String(value).slice(0, 64)}"`);
  return value;
}

function threshold(value: unknown, name: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`aggregator-errors: ${name} must be a finite number >= 0, got ${String(value).slice(0, 64)}`);
  return String(value);
}

// YAML single-quoted scalars need only one escape, and PromQL's double quotes pass through untouched.
function yaml(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function regexEscape(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|"]/g, '\\$&');
}

function kindsRouted(action: AlertAction): readonly Kind[] {
  return KINDS.filter((kind) => ALERT_ROUTING[kind].action === action);
}

interface Rule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly severity: 'page' | 'ticket';
  readonly summary: string;
  readonly description: string;
}

function renderRule(rule: Rule): string {
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

/**
 * Example Prometheus alerting rules (YAML) for the given catalogs, from the routing table.
 *
 * @remarks
 * The rules read one counter (default `aggregator_errors_total`) incremented
 * with {@link errorLabels}: page on a sustained rate of `severity="page"`
 * errors per provider and kind; page at once on a burst of `auth` errors (our
 * credentials broke); open a ticket on a sustained rate of `severity="ticket"`
 * errors, on any undocumented code (`code="other"`) or error nothing documented
 * matched (`match="none"`), and on
 * errors from a provider with no catalog. Kinds routed `count` never alert.
 * Throws a `TypeError` on an invalid option.
 *
 * @example
 * ```ts
 * import { allCatalogs } from 'aggregator-errors/catalogs/all';
 * await writeFile('aggregator-errors.rules.yml', prometheusRules(allCatalogs));
 * ```
 *
 * @public
 */
export function prometheusRules(catalogs: readonly CatalogInput[], options?: PrometheusRuleOptions): string {
  const metric = option(options, 'metric') ?? ERRORS_METRIC.name;
  if (typeof metric !== 'string' || !METRIC.test(metric)) throw new TypeError(`aggregator-errors: metric must be a Prometheus metric name, got "${String(metric).slice(0, 64)}"`);
  const rawGroup = option(options, 'group') ?? 'aggregator-errors';
  if (typeof rawGroup !== 'string' || rawGroup.length > 256) throw new TypeError('aggregator-errors: group must be a string of at most 256 characters');
  const group = rawGroup;
  const window = duration(option(options, 'window') ?? '5m', 'window');
  const pageRate = threshold(option(options, 'pageRate') ?? 0.05, 'pageRate');
  const pageFor = duration(option(options, 'pageFor') ?? '5m', 'pageFor');
  const authBurst = threshold(option(options, 'authBurst') ?? 3, 'authBurst');
  const ticketRate = threshold(option(options, 'ticketRate') ?? 0.1, 'ticketRate');
  const ticketFor = duration(option(options, 'ticketFor') ?? '30m', 'ticketFor');
  const undocumentedWindow = duration(option(options, 'undocumentedWindow') ?? '1h', 'undocumentedWindow');

  // Ids become regex alternatives in PromQL: only catalog-shaped ids, read without trusting the list.
  const ids = [...new Set(arrayItems(catalogs, 1024).map((catalog) => own(catalog, 'id')))]
    .filter((id): id is string => typeof id === 'string' && CATALOG_ID.test(id))
    .sort();
  const known = ids.length === 0 ? '' : `provider=~"${ids.map(regexEscape).join('|')}",`;
  const select = (matchers: string): string => `${metric}{${known}${matchers}}`;
  const paging = kindsRouted('page');
  const ticketing = kindsRouted('ticket');
  const counted = kindsRouted('count');

  const rules: Rule[] = [
    {
      alert: 'AggregatorErrorsPaging',
      expr: `sum by (provider, kind) (rate(${select('severity="page"')}[${window}])) > ${pageRate}`,
      for: pageFor,
      severity: 'page',
      summary: '{{ $labels.provider }}: {{ $labels.kind }} errors above ' + pageRate + '/s',
      description: `Errors that need an operator now (by default ${paging.join(', ')}): our credentials or the provider itself failed for every user.`,
    },
    {
      alert: 'AggregatorAuthBurst',
      expr: `sum by (provider) (increase(${select('kind="auth"')}[${window}])) >= ${authBurst}`,
      severity: 'page',
      summary: '{{ $labels.provider }} rejects our API credentials',
      description: `${authBurst} or more auth errors in ${window}: the API key, secret or token of this provider is broken, for every user.`,
    },
    {
      alert: 'AggregatorErrorsTicket',
      expr: `sum by (provider, kind) (rate(${select('severity="ticket"')}[${window}])) > ${ticketRate}`,
      for: ticketFor,
      severity: 'ticket',
      summary: '{{ $labels.provider }}: {{ $labels.kind }} errors above ' + ticketRate + '/s',
      description: `Integration errors to look at in working hours (by default ${ticketing.join(', ')}).`,
    },
    {
      alert: 'AggregatorUndocumentedErrors',
      expr:
        `sum by (provider, kind) (increase(${select('code="other"')}[${undocumentedWindow}])) > 0` +
        ` or sum by (provider, kind) (increase(${select('match="none"')}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: '{{ $labels.provider }} returned an error its catalog does not document',
      description:
        'A code the catalog does not document (code="other"), or nothing documented matched (match="none"): the provider changed its errors or the catalog misses one. The log fields of these errors carry the raw code.',
    },
  ];
  if (ids.length > 0) {
    rules.push({
      alert: 'AggregatorUnknownProvider',
      expr: `sum by (provider) (increase(${metric}{provider!~"${ids.map(regexEscape).join('|')}"}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: 'Errors counted for provider {{ $labels.provider }}, which has no catalog',
      description: 'Load its catalog in createNormalizer, or fix the provider id passed to normalize.',
    });
  }

  return [
    `# Generated by prometheusRules() (aggregator-errors); regenerate instead of editing.`,
    `# Counter: ${metric}{${ERRORS_METRIC.labelNames.join(', ')}}, incremented with errorLabels(error).`,
    `# Providers: ${ids.length === 0 ? '(none)' : ids.join(', ')}.`,
    `# Counted only, never alerted: ${counted.join(', ')}.`,
    'groups:',
    `  - name: ${yaml(group)}`,
    '    rules:',
    ...rules.map(renderRule),
    '',
  ].join('\n');
}
