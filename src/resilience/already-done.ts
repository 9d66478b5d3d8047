import type { NormalizedError } from '../taxonomy/normalized-error.js';
import { kindOf, statusOf } from '../taxonomy/read-error.js';
import { own, ownString } from '../util/own.js';

// "already exists", "already in use" (Synapse's 450), "has already been created" (Plaid's CUSTOMER_ALREADY_CREATED)...
const ALREADY = /\balready (exists?|in use|(been |being )?(created|processed|submitted|used|sent|enabled|verified|completed|initiated))\b/i;
const MAX_TEXT = 1024;

function says(text: string | undefined): boolean {
  return text !== undefined && ALREADY.test(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
}

/**
 * Whether an answer to a repeated request reads as "the earlier attempt did it":
 * a 409, a running job or operation (`conflict`), or a message or documented
 * description that says the thing already exists or the key is already in use.
 * Only meaningful after an attempt that may have succeeded (a timeout).
 */
export function alreadyDone(error: NormalizedError): boolean {
  if (statusOf(error) === 409 || kindOf(error) === 'conflict') return true;
  return says(ownString(error, 'message')) || says(ownString(own(error, 'match'), 'description'));
}
