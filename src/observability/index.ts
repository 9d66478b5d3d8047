// aggregator-errors/observability: labels, attributes, log fields, routing and
// generated alert rules, for errors and for connection events.
export { errorLabels, ERROR_LABEL_NAMES, ERRORS_METRIC } from './error-labels.js';
export type { ErrorLabels, LabelOptions } from './error-labels.js';
export { DOCUMENTED_STEPS } from '../taxonomy/read-error.js';
export { clientSpanAttributes, errorAttributes } from './otel-attributes.js';
export type { ClientSpanAttributes, ErrorAttributes } from './otel-attributes.js';
export { logFields } from './log-fields.js';
export type { ErrorLogFields, LogFieldOptions } from './log-fields.js';
export { ALERT_ROUTING, SEVERITY_ACTIONS, alertRoute } from './alert-routing.js';
export type { AlertAction, AlertDecision, AlertRoute } from './alert-routing.js';
export { prometheusRules } from './prometheus-rules.js';
export type { PrometheusRuleOptions } from './prometheus-rules.js';
export { connectionEventLabels, CONNECTION_EVENT_LABEL_NAMES, CONNECTION_EVENTS_METRIC } from './connection-event-labels.js';
export type { ConnectionEventLabelOptions, ConnectionEventLabels } from './connection-event-labels.js';
export { connectionEventRules } from './connection-event-rules.js';
export type { ConnectionEventRuleOptions } from './connection-event-rules.js';
