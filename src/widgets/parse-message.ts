import { isObject } from '../util/own.js';

/** Messages larger than this are not widget messages: read as unreadable rather than parsed. */
const MAX_MESSAGE_CHARS = 256 * 1024;

/**
 * A widget message as an object: objects as they are, JSON text parsed (MX's
 * legacy messages, React Native WebView messages); `undefined` for anything
 * else, never a throw.
 */
export function parseMessage(value: unknown): object | undefined {
  if (typeof value === 'string') {
    if (value.length > MAX_MESSAGE_CHARS) return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isObject(value) ? value : undefined;
}
