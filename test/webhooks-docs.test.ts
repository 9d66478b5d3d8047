/**
 * The webhook guide's events table is generated from the adapters' own tables
 * (WEBHOOK_EVENTS) and checked for drift; UPDATE_DOCS=1 rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { WEBHOOK_EVENTS, type WebhookEventDoc } from '../src/webhooks/index.js';

const GUIDE = resolve(import.meta.dirname, '../docs/webhooks.md');
const OPEN = '<!-- generated:webhook-events -->\n';
const CLOSE = '<!-- /generated:webhook-events -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(docs: readonly WebhookEventDoc[]): string {
  const [doc] = docs;
  if (doc === undefined) return '';
  const host = new URL(doc.source).host;
  const meaning = doc.note === undefined ? doc.description : `${doc.description} *${doc.note}*`;
  const events = docs.map((d) => `\`${cell(d.event)}\``).join(', ');
  return `| ${doc.provider} | ${events} | \`${doc.state}\` | ${cell(meaning)} | [${host}](${doc.source}) |`;
}

/** One row per event; consecutive events with one meaning (Link's informational events) share a row. */
function table(): string {
  const groups: WebhookEventDoc[][] = [];
  for (const doc of WEBHOOK_EVENTS) {
    const last = groups.at(-1)?.[0];
    const same = last !== undefined && last.provider === doc.provider && last.state === doc.state && last.description === doc.description && last.source === doc.source && last.note === doc.note;
    if (same) groups.at(-1)?.push(doc);
    else groups.push([doc]);
  }
  return `${['| provider | event | state | meaning | source |', '|---|---|---|---|---|', ...groups.map(row)].join('\n')}\n`;
}

test('the events table of docs/webhooks.md is generated from WEBHOOK_EVENTS', () => {
  const text = readFileSync(GUIDE, 'utf8');
  const start = text.indexOf(OPEN);
  const end = text.indexOf(CLOSE);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const expected = table();
  if (process.env['UPDATE_DOCS'] === '1') writeFileSync(GUIDE, text.slice(0, start + OPEN.length) + expected + text.slice(end));
  const current = readFileSync(GUIDE, 'utf8');
  expect(current.slice(current.indexOf(OPEN) + OPEN.length, current.indexOf(CLOSE))).toBe(expected);
});

test('every row of the table names a first-party page, except where the guide says third-party', () => {
  const thirdParty = ['docs.propstack.app', 'fingoal', 'stackoverflow'];
  for (const doc of WEBHOOK_EVENTS) expect(thirdParty.some((host) => doc.source.includes(host))).toBe(false);
});
