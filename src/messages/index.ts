export { renderMessage } from './render-message.js';
export type { RenderedMessage, RenderOptions } from './render-message.js';
export { MESSAGES_EN } from './messages-en.js';
export type { CompleteMessageCatalog, DetailKey, MessageCatalog, MessageText } from './message-catalog.js';
export {
  renderConnectionEvent,
  EVENT_MESSAGES_EN,
  type CompleteEventMessageCatalog,
  type EventDetailKey,
  type EventMessageCatalog,
  type EventRenderOptions,
  type TextState,
  type WordedState,
} from './render-event.js';
export { isProblemBody } from './problem-guard.js';
