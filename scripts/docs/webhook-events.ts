import { WEBHOOK_EVENTS, type WebhookEventDoc } from '../../src/webhooks/index.js';

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

/**
 * The webhook guide's events table, from the adapters' own tables (WEBHOOK_EVENTS): one row per event;
 * consecutive events with one meaning (Link's informational events) share a row.
 */
export function webhookEventsTable(): string {
  const groups: WebhookEventDoc[][] = [];
  for (const doc of WEBHOOK_EVENTS) {
    const last = groups.at(-1)?.[0];
    const same =
      last !== undefined &&
      last.provider === doc.provider &&
      last.state === doc.state &&
      last.description === doc.description &&
      last.source === doc.source &&
      last.note === doc.note;
    if (same) groups.at(-1)?.push(doc);
    else groups.push([doc]);
  }
  return `${['| provider | event | state | meaning | source |', '|---|---|---|---|---|', ...groups.map(row)].join('\n')}\n`;
}
