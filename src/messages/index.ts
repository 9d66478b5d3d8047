export { renderMessage, MESSAGES } from './render-message.js';
export type { RenderedMessage, RenderOptions } from './render-message.js';
export { MESSAGES_EN } from './messages-en.js';
export { MESSAGES_ES } from './messages-es.js';
export type { CompleteMessageCatalog, DetailKey, MessageCatalog, MessageText } from './message-catalog.js';
