import type { CatalogInput } from '../catalog/types.js';
import { CONNECTION_STATES, type ConnectionState } from '../connections/event.js';
import { CONNECTION_EVENTS_METRIC } from './connection-event-labels.js';
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
 * Thresholds and names of the rules {@link connectionEventRules} generates.
 *
 * @public
 */
export interface ConnectionEventRuleOptions {
  /**
   * The counter the application increments with `connectionEventLabels(event)`.
   * @defaultValue `'aggregator_connection_events_total'`
   */
  readonly metric?: string;
  /**
   * The rule group's name.
   * @defaultValue `'aggregator-connection-events'`
   */
  readonly group?: string;
  /**
   * The range of every `rate()` and `increase()`.
   * @defaultValue `'5m'`
   */
  readonly window?: string;
  /**
   * The states whose provider-wide jump above their own baseline pages. `'cancelled'` is refused: a cancel never alerts. An empty list leaves the rule out.
   * @defaultValue `['needs-reconnect', 'failed']`
   */
  readonly spikeStates?: readonly ConnectionState[];
  /**
   * How many times its baseline a state's rate must be to page.
   * @defaultValue `4`
   */
  readonly spikeFactor?: number;
  /**
   * The fewest events of a state within `window` that can page, whatever the baseline.
   * @defaultValue `20`
   */
  readonly spikeMin?: number;
  /**
   * The range a state's baseline averages over (the current `window` left out).
   * @defaultValue `'1d'`
   */
  readonly baselineWindow?: string;
  /**
   * How long a spike must hold before paging.
   * @defaultValue `'5m'`
   */
  readonly spikeFor?: string;
  /**
   * Events per second of `severity="page"` (an event that carries a page-worthy error), per provider and state, above which someone is paged.
   * @defaultValue `0.05`
   */
  readonly pageRate?: number;
  /**
   * How long the page rate must hold.
   * @defaultValue `'5m'`
   */
  readonly pageFor?: string;
  /**
   * Events per second of `severity="ticket"`, per provider and state, above which a ticket opens.
   * @defaultValue `0.1`
   */
  readonly ticketRate?: number;
  /**
   * How long the ticket rate must hold.
   * @defaultValue `'30m'`
   */
  readonly ticketFor?: string;
  /**
   * The range over which any event no table documents (`match="none"`) opens a ticket.
   * @defaultValue `'1h'`
   */
  readonly undocumentedWindow?: string;
}

const DEFAULT_SPIKE_STATES: readonly ConnectionState[] = ['needs-reconnect', 'failed'];
// A cancel is the user's choice and never alerts; a widget failure for a bank the provider does not
// support (or the user could not find) is one user's product problem, not the provider's health.
const NOT_HEALTH = ['state!="cancelled"', 'detail!~"institution-unsupported|institution-not-found"'];
const NO_CANCEL = 'state!="cancelled"';

/** The rules {@link connectionEventRules} writes, as data: tests read their annotations from here. */
export function connectionEventRuleSet(catalogs: readonly CatalogInput[], options?: ConnectionEventRuleOptions): RuleSet {
  const metric = metricName(option(options, 'metric') ?? CONNECTION_EVENTS_METRIC.name, 'metric');
  const group = groupName(option(options, 'group') ?? 'aggregator-connection-events');
  const window = duration(option(options, 'window') ?? '5m', 'window');
  const spikeStates = closedList(option(options, 'spikeStates'), 'spikeStates', CONNECTION_STATES, DEFAULT_SPIKE_STATES, {
    value: 'cancelled',
    why: 'a user who leaves a widget never alerts',
  });
  const spikeFactor = threshold(option(options, 'spikeFactor') ?? 4, 'spikeFactor', 1);
  const spikeMin = threshold(option(options, 'spikeMin') ?? 20, 'spikeMin', 1);
  const baselineWindow = duration(option(options, 'baselineWindow') ?? '1d', 'baselineWindow');
  const spikeFor = duration(option(options, 'spikeFor') ?? '5m', 'spikeFor');
  const pageRate = threshold(option(options, 'pageRate') ?? 0.05, 'pageRate');
  const pageFor = duration(option(options, 'pageFor') ?? '5m', 'pageFor');
  const ticketRate = threshold(option(options, 'ticketRate') ?? 0.1, 'ticketRate');
  const ticketFor = duration(option(options, 'ticketFor') ?? '30m', 'ticketFor');
  const undocumentedWindow = duration(option(options, 'undocumentedWindow') ?? '1h', 'undocumentedWindow');

  const ids = catalogIds(catalogs);
  const known = ids.length === 0 ? '' : `provider=~"${alternatives(ids)}"`;
  const select = (...matchers: string[]): string => selector(metric, [known, NO_CANCEL, ...matchers]);
  const recorded = `provider_state:${metric}:rate${window}`;

  // One series per provider and state (a zero for a spike state a provider has not had yet): the baseline reads these.
  const rules: (AlertRule | RecordRule)[] = [
    { record: recorded, expr: zeroFilledRate(`${selector(metric, [known, ...NOT_HEALTH])}[${window}]`, 'state', spikeStates) },
  ];
  if (spikeStates.length > 0) {
    rules.push({
      alert: 'AggregatorConnectionsSpike',
      expr: spikeExpr(`${recorded}{state=~"${alternatives(spikeStates)}"}`, spikeFactor, baselineWindow, window, spikeMin),
      for: spikeFor,
      severity: 'page',
      summary: `{{ $labels.provider }}: {{ $labels.state }} connection events jumped over ${spikeFactor}x their ${baselineWindow} average`,
      description: `Each ${spikeStates.join(' or ')} event is one user's connection and never pages alone; ${spikeMin} or more in ${window} at over ${spikeFactor} times the provider's own ${baselineWindow} baseline means the provider (or a large institution behind it) broke for many users at once.`,
    });
  }
  rules.push(
    {
      alert: 'AggregatorConnectionEventsPaging',
      expr: `sum by (provider, state) (rate(${select('severity="page"')}[${window}])) > ${pageRate}`,
      for: pageFor,
      severity: 'page',
      summary: `{{ $labels.provider }}: {{ $labels.state }} events with a page-worthy error above ${pageRate}/s`,
      description: 'Webhooks or widget callbacks that carry an error its catalog pages on (the provider itself failing), sustained: every user is affected.',
    },
    {
      alert: 'AggregatorConnectionEventsTicket',
      expr: `sum by (provider, state) (rate(${select('severity="ticket"')}[${window}])) > ${ticketRate}`,
      for: ticketFor,
      severity: 'ticket',
      summary: `{{ $labels.provider }}: {{ $labels.state }} events with an integration error above ${ticketRate}/s`,
      description:
        'Webhooks or widget callbacks that carry an error of our own integration (an invalid link token, a bad request): look at it in working hours.',
    },
    {
      alert: 'AggregatorUndocumentedConnectionEvents',
      expr: `sum by (provider, state) (increase(${select('match="none"')}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: '{{ $labels.provider }} sent a connection event no table documents',
      description:
        'The provider added a webhook, a callback or a status the adapters do not know yet: it was counted as info (its label reads event="other"; the event value keeps the raw name for the logs). Update the package, or read the provider changelog.',
    },
  );
  if (ids.length > 0) {
    rules.push({
      alert: 'AggregatorConnectionEventsUnknownProvider',
      expr: `sum by (provider) (increase(${metric}{provider!~"${alternatives(ids)}",${NO_CANCEL}}[${undocumentedWindow}])) > 0`,
      severity: 'ticket',
      summary: 'Connection events counted for provider {{ $labels.provider }}, which has no catalog',
      description: 'Fix the provider id the webhook or widget adapter was given, or load its catalog.',
    });
  }

  return {
    comments: [
      'Generated by connectionEventRules() (aggregator-errors); regenerate instead of editing.',
      `Counter: ${metric}{${CONNECTION_EVENTS_METRIC.labelNames.join(', ')}}, incremented with connectionEventLabels(event).`,
      `Providers: ${ids.length === 0 ? '(none)' : ids.join(', ')}.`,
      'Never alerted: cancelled (a user who leaves a widget), and any single event of one connection.',
    ],
    group,
    rules,
  };
}

/**
 * Prometheus rules (YAML) for the counter of connection events: recording rules that count health per provider and
 * state, and alerts that page only on what affects every user, never on a cancel.
 *
 * @remarks
 * The rules read one counter (default `aggregator_connection_events_total`)
 * incremented with {@link connectionEventLabels}, and:
 * - page when a provider's `needs-reconnect` or `failed` events (each one
 *   user's connection) jump well above their own baseline: the provider or a
 *   large institution broke for many users at once;
 * - page on a sustained rate of events that carry a `severity="page"` error
 *   (the provider failing inside its own widget);
 * - open a ticket on a sustained rate of `severity="ticket"` events (our link
 *   configuration rejected), on any event no table documents
 *   (`match="none"`: the provider added one), and on events from a provider with
 *   no catalog.
 * Every selector leaves `state="cancelled"` out, and a cancel is always labelled
 * `severity="info"`: a user who closes a widget never alerts anyone.
 * Throws a `TypeError` on an invalid option.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { allCatalogs } from 'aggregator-errors/catalogs/all';
 * import { connectionEventRules } from 'aggregator-errors/observability';
 *
 * await writeFile('aggregator-connection-events.rules.yml', connectionEventRules(allCatalogs));
 * ```
 *
 * @public
 */
export function connectionEventRules(catalogs: readonly CatalogInput[], options?: ConnectionEventRuleOptions): string {
  return renderRuleFile(connectionEventRuleSet(catalogs, options));
}
