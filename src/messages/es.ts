// aggregator-errors/messages/es: the Spanish texts, for renderMessage's `locales` option.
export { MESSAGES_ES } from './messages-es.js';
export { EVENT_MESSAGES_ES } from './events-es.js';
