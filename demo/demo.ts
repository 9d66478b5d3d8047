/**
 * `npm run demo`: every documented row and code of every shipped catalog,
 * normalized and summarized per provider, then the interesting cases one by
 * one (provider bodies from their docs, each labelled with what it is), as a
 * gateway, a frontend and an alert rule would read them.
 * `npm run demo -- --all` prints every documented row too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type DemoCase, demoLines } from './report.js';

const cases = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../demo/responses.json'), 'utf8')) as DemoCase[];
for (const line of demoLines(cases, process.argv.includes('--all'))) console.log(line);
