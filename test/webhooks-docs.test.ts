/**
 * The webhook guide's events table is generated from the adapters' own tables
 * (WEBHOOK_EVENTS) and checked for drift; `npm run docs` rewrites it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { WEBHOOK_EVENTS } from '../src/webhooks/index.js';
import { findBlocks } from '../scripts/docs/markers.js';
import { expectedBlock } from '../scripts/docs/registry.js';
import { webhookEventsTable } from '../scripts/docs/webhook-events.js';

const GUIDE = readFileSync(resolve(import.meta.dirname, '../docs/webhooks.md'), 'utf8');

test('the events table of docs/webhooks.md is generated from WEBHOOK_EVENTS', () => {
  const block = findBlocks(GUIDE).blocks.find((b) => b.name === 'webhook-events');
  expect(block, 'docs/webhooks.md has a webhook-events block').toBeDefined();
  expect(block?.start).toBeGreaterThan(0);
  const expected = expectedBlock('docs/webhooks.md', 'webhook-events');
  expect(expected).toBe(webhookEventsTable());
  expect(block?.content, 'docs/webhooks.md block "webhook-events" drifted: run npm run docs').toBe(expected);
});

test('every event is in the table', () => {
  const table = webhookEventsTable();
  for (const doc of WEBHOOK_EVENTS) expect(table.split(`\`${doc.event.replace(/\|/g, '\\|')}\``).length - 1, doc.event).toBeGreaterThanOrEqual(1);
});

test('every row of the table names a first-party page, except where the guide says third-party', () => {
  const thirdParty = ['docs.propstack.app', 'fingoal', 'stackoverflow'];
  for (const doc of WEBHOOK_EVENTS) expect(thirdParty.some((host) => doc.source.includes(host))).toBe(false);
});
