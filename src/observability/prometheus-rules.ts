import type { CatalogInput } from '../catalog/types.js';
import type { Kind } from '../taxonomy/kinds.js';
import { KINDS } from '../taxonomy/kinds.js';
import { ALERT_ROUTING, type AlertAction } from './alert-routing.js';
import { ERRORS_METRIC } from './error-labels.js';
import {
  alternatives,
  catalogIds,
  closedList,
  duration,
  groupName,
  metricName,
  option,
  renderRuleFile,
  type RuleSet,
  selector,
  spikeExpr,
  zeroFilledRate,
  threshold,
  type AlertRule,
  type RecordRule,
} from './rule-file.js';

/**
 * Thresholds and names of the rules {@link prometheusRules} generates.
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
   * Errors per second of `severity="page"`, per provider and kind (but `auth`, which has its burst rule), above which someone is paged.
   * @defaultValue `0.05`
   */
  readonly pageRate?: number;
  /**
   * How long the page rate must hold before paging.
   * @defaultValue `'5m'`
   */
  readonly pageFor?: string;
  /**
   * Errors of `kind="auth"` and `severity="page"` (our own credentials, as the catalog says) of one provider within `window` that page at once.
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
  /**
   * The kinds, each one end user's problem alone, whose provider-wide jump above their own baseline pages: a provider-side breakage. An empty list leaves the rule out.
   * @defaultValue `['reconnect-required', 'fi-unavailable']`
   */
  readonly spikeKinds?: readonly Kind[];
  /**
   * How many times its baseline a spike kind's rate must be to page.
   * @defaultValue `4`
   */
  readonly spikeFactor?: number;
  /**
   * The fewest errors of a spike kind within `window` that can page, whatever the baseline (a quiet provider's 0 to 2 is no breakage).
   * @defaultValue `20`
   */
  readonly spikeMin?: number;
  /**
   * The range a spike kind's baseline averages over (the current `window` left out).
   * @defaultValue `'1d'`
   */
  readonly baselineWindow?: string;
  /**
   * How long a spike must hold before paging.
   * @defaultValue `'5m'`
   */
  readonly spikeFor?: string;
}

const DEFAULT_SPIKE_KINDS: readonly Kind[] = ['reconnect-required', 'fi-unavailable'];

function kindsRouted(action: AlertAction): readonly Kind[] {
  return KINDS.filter((kind) => ALERT_ROUTING[kind].action === action);
}

/** The rules {@link prometheusRules} writes, as data: tests read their annotations from here. */
export function errorRuleSet(catalogs: readonly CatalogInput[], options?: PrometheusRuleOptions): RuleSet {
  const metric = metricName(option(options, 'metric') ?? ERRORS_METRIC.name, 'metric');
  const group = groupName(option(options, 'group') ?? 'aggregator-errors');
  const window = duration(option(options, 'window') ?? '5m', 'window');
  const pageRate = threshold(option(options, 'pageRate') ?? 0.05, 'pageRate');
  const pageFor = duration(option(options, 'pageFor') ?? '5m', 'pageFor');
  const authBurst = threshold(option(options, 'authBurst') ?? 3, 'authBurst');
  const ticketRate = threshold(option(options, 'ticketRate') ?? 0.1, 'ticketRate');
  const ticketFor = duration(option(options, 'ticketFor') ?? '30m', 'ticketFor');
  const undocumentedWindow = duration(option(options, 'undocumentedWindow') ?? '1h', 'undocumentedWindow');
  const spikeKinds = closedList(option(options, 'spikeKinds'), 'spikeKinds', KINDS, DEFAULT_SPIKE_KINDS);
  const spikeFactor = threshold(option(options, 'spikeFactor') ?? 4, 'spikeFactor', 1);
  const spikeMin = threshold(option(options, 'spikeMin') ?? 20, 'spikeMin', 1);
  const baselineWindow = duration(option(options, 'baselineWindow') ?? '1d', 'baselineWindow');
  const spikeFor = duration(option(options, 'spikeFor') ?? '5m', 'spikeFor');

  // Ids become regex alternatives in PromQL: only catalog-shaped ids, read without trusting the list.
  const ids = catalogIds(catalogs);
  const known = ids.length === 0 ? '' : `provider=~"${alternatives(ids)}"`;
  const select = (...matchers: string[]): string => selector(metric, [known, ...matchers]);
  const paging = kindsRouted('page');
  const ticketing = kindsRouted('ticket');
  const counted = kindsRouted('count');
  const recorded = `provider_kind:${metric}:rate${window}`;

  const rules: (AlertRule | RecordRule)[] = [
    // One series per provider and kind (a zero for a spike kind a provider has not had yet): the spike's
    // baseline averages a day of these, not of every raw series.
    { record: recorded, expr: zeroFilledRate(`${select()}[${window}]`, 'kind', spikeKinds) },
    {
      alert: 'AggregatorAuthBurst',
      expr: `sum by (provider) (increase(${select('kind="auth"', 'severity="page"')}[${window}])) >= ${authBurst}`,
      severity: 'page',
      summary: '{{ $labels.provider }} rejects our API credentials',
      description: `${authBurst} or more auth errors in ${window} that the catalog says mean our own API key, secret, certificate or app token: broken for every user. An auth code about one end user's token is marked ticket in its catalog and never counts here.`,
    },
    {
      alert: 'AggregatorErrorsPaging',
      expr: `sum by (provider, kind) (rate(${select('severity="page"', 'kind!="auth"')}[${window}])) > ${pageRate}`,
      for: pageFor,
      severity: 'page',
      summary: `{{ $labels.provider }}: {{ $labels.kind }} errors above ${pageRate}/s`,
      description: `Errors that need an operator now (by default ${paging.filter((kind) => kind !== 'auth').join(', ')}, including requests that got no response: timeouts and resets): the provider failed for every user. Auth errors page through AggregatorAuthBurst.`,
    },
  ];
  if (spikeKinds.length > 0) {
    const kinds = `kind=~"${alternatives(spikeKinds)}"`;
    rules.push({
      alert: 'AggregatorErrorSpike',
      expr: spikeExpr(`${recorded}{${kinds}}`, spikeFactor, baselineWindow, window, spikeMin),
      for: spikeFor,
      severity: 'page',
      summary: `{{ $labels.provider }}: {{ $labels.kind }} errors jumped over ${spikeFactor}x their ${baselineWindow} average`,
      description: `Each ${spikeKinds.join(' or ')} error is one end user's problem and never pages alone; ${spikeMin} or more in ${window} at over ${spikeFactor} times the provider's own ${baselineWindow} baseline is a provider-side breakage that affects many users at once.`,
    });
  }
  rules.push(
    {
      alert: 'AggregatorErrorsTicket',
      expr: `sum by (provider, kind) (rate(${select('severity="ticket"')}[${window}])) > ${ticketRate}`,
      for: ticketFor,
      severity: 'ticket',
      summary: `{{ $labels.provider }}: {{ $labels.kind }} errors above ${ticketRate}/s`,
      description: `Integration errors to look at in working hours (by default ${ticketing.join(', ')}, and auth errors about one end user's token).`,
    },
    {
      alert: 'AggregatorUndocumentedErrors',
      expr:
        `sum by (provider, kind) (increase(${select('code="other"', 'match!="no-response"')}[${undocumentedWindow}])) > 0` +
        ` or sum by (provider, kind) (increase(${select('match="none"')}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: '{{ $labels.provider }} returned an error its catalog does not document',
      description:
        'A code the catalog does not document (code="other"), or nothing documented matched (match="none"): the provider changed its errors or the catalog misses one. The log fields of these errors carry the raw code. A request that got no response (match="no-response") is not counted here.',
    },
  );
  if (ids.length > 0) {
    rules.push({
      alert: 'AggregatorUnknownProvider',
      expr: `sum by (provider) (increase(${metric}{provider!~"${alternatives(ids)}"}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: 'Errors counted for provider {{ $labels.provider }}, which has no catalog',
      description: 'Load its catalog in createNormalizer, or fix the provider id passed to normalize.',
    });
  }

  return {
    comments: [
      'Generated by prometheusRules() (aggregator-errors); regenerate instead of editing.',
      `Counter: ${metric}{${ERRORS_METRIC.labelNames.join(', ')}}, incremented with errorLabels(error).`,
      `Providers: ${ids.length === 0 ? '(none)' : ids.join(', ')}.`,
      `Counted only, never alerted one by one: ${counted.join(', ')}.`,
      ...(spikeKinds.length === 0
        ? []
        : [`A provider-wide jump of ${spikeKinds.join(', ')} above its ${baselineWindow} baseline pages (AggregatorErrorSpike).`]),
    ],
    group,
    rules,
  };
}

/**
 * Prometheus rules (YAML) for the counter of normalized errors, for the given catalogs: recording rules, and alerts
 * that page on our broken credentials or a provider-wide breakage, never on one end user's problem.
 *
 * @remarks
 * The rules read one counter (default `aggregator_errors_total`) incremented
 * with {@link errorLabels}, and:
 * - page at once on a burst of `auth` errors the catalog marks `severity="page"`:
 *   our API key, secret or certificate (an auth code about one end user's token,
 *   marked `ticket` in its catalog, never counts);
 * - page on a sustained rate of other `severity="page"` errors (the provider is
 *   down or unreachable for everyone: timeouts and resets count here);
 * - page when a provider's `reconnect-required` or `fi-unavailable` rate (each
 *   error one user's problem) jumps well above its own baseline, which is how a
 *   provider-side breakage shows;
 * - open a ticket on a sustained rate of `severity="ticket"` errors, on any
 *   undocumented code (`code="other"`) or unmatched error (`match="none"`), and
 *   on errors from a provider with no catalog. A failure with no response
 *   (`match="no-response"`) is not catalog drift and never opens that ticket.
 * Kinds routed `count` never alert on their own.
 * Throws a `TypeError` on an invalid option.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { allCatalogs } from 'aggregator-errors/catalogs/all';
 * import { prometheusRules } from 'aggregator-errors/observability';
 *
 * await writeFile('aggregator-errors.rules.yml', prometheusRules(allCatalogs));
 * ```
 *
 * @public
 */
export function prometheusRules(catalogs: readonly CatalogInput[], options?: PrometheusRuleOptions): string {
  return renderRuleFile(errorRuleSet(catalogs, options));
}
