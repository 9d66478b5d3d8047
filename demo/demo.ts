/**
 * `npm run demo`: normalizes a bundled set of raw provider responses (every
 * documented Aerosync and Synapse row, and some the docs never mention) and
 * prints what a gateway, a frontend and an alert rule would each read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createNormalizer, type NormalizeInputFor } from '../src/index.js';
import { allCatalogs } from '../catalogs/all.js';

interface Sample {
  readonly note?: string;
  readonly response: NormalizeInputFor<typeof allCatalogs>;
}

const samples = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../demo/responses.json'), 'utf8')) as Sample[];
const normalizer = createNormalizer(allCatalogs);

const columns = ['provider', 'request', 'status', 'code', 'kind', 'detail', 'match', 'retry', 'user action', 'owner', 'severity'] as const;
const rows: string[][] = [];
const counts = new Map<string, number>();
for (const { note, response } of samples) {
  const step = normalizer.pending(response);
  const error = normalizer.normalize(response);
  const detail = 'reason' in error ? error.reason : 'scope' in error ? error.scope : step === undefined ? '' : `pending ${step.step}`;
  const retry = error.retry.retryable ? (error.retry.afterMs === undefined ? (error.retry.waitForJob ? 'poll job' : 'backoff') : `after ${error.retry.afterMs / 1000}s`) : 'no';
  const request = error.endpoint ?? (response.url === undefined ? (note ?? 'bare code') : `${response.method ?? ''} ${response.url}`.trim());
  rows.push([error.provider, request, String(error.status ?? ''), error.code ?? '', error.kind, detail, error.match.by, retry, error.userAction, error.owner, error.severity]);
  counts.set(error.kind, (counts.get(error.kind) ?? 0) + 1);
}

const widths = columns.map((c, i) => Math.min(48, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))));
const line = (cells: readonly string[]): string => cells.map((cell, i) => (cell.length > (widths[i] ?? 0) ? `${cell.slice(0, (widths[i] ?? 1) - 1)}…` : cell.padEnd(widths[i] ?? 0))).join('  ');
console.log(line(columns));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log(`\n${samples.length} responses: ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
