#!/usr/bin/env node
import { allCatalogs } from '../../catalogs/all.js';
import { runCli } from './run.js';
import { packageVersion } from './version.js';

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  catalogs: allCatalogs,
  version: packageVersion(),
});
