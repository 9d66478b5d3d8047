export { renderMessage } from './render-message.js';
export type { RenderedMessage, RenderOptions } from './render-message.js';
export { MESSAGES_EN } from './messages-en.js';
export type { CompleteMessageCatalog, DetailKey, MessageCatalog, MessageText } from './message-catalog.js';
