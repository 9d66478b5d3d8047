/** The help text of each command, and of the CLI as a whole (`''`). */
export const HELP: Readonly<Record<string, string>> = {
  '': `Usage: aggregator-errors <command> [options]

Turns bank-aggregation provider errors into one typed, documented value.

Commands:
  normalize [file]             Normalize NDJSON raw responses (stdin when no file or "-")
  explain <provider> <code>    Every documented meaning of a provider's code
  catalog [--provider <id>]    The catalogs as JSON, CSV, markdown docs or a coverage table
  help [command]               Show help for a command

Options:
  -h, --help                   Show help (also after any command)
  -v, --version                Print the version

Exit status: 0 success, 1 some input lines failed (normalize), 2 bad arguments.
`,
  normalize: `Usage: aggregator-errors normalize [file] [--provider <id>] [--catalog <file.json>]... [--lean]

Reads raw provider responses as NDJSON, one JSON object a line:
  {"provider":"aerosync","method":"GET","url":"/v2/accounts/u-42/balance","status":400,"body":{...}}
(fields: provider, method, url, endpoint, status, headers, body as text or JSON, code),
and writes one normalized error a line, as JSON, in the same order.

A line that is not a JSON object, or names no provider when --provider is not
given, is reported on stderr with its line number and written as
{"line":N,"error":"..."} so output lines stay aligned with input lines; the rest
is processed. Blank lines are skipped. A provider with no catalog is warned
about once; its lines are classified by their status alone.

Arguments:
  file                         The NDJSON file; stdin when absent or "-"

Options:
  -p, --provider <id>          The provider of lines that name none
  -c, --catalog <file.json>    Also load this catalog (checked first; it replaces a
                               shipped catalog of the same id); repeatable
  --lean                       Leave the catalog's prose out of each result
                               (match.description, match.note)
  -h, --help                   Show this help

Exit status: 0 every line normalized, 1 some lines failed, 2 bad arguments, an
unreadable file or an invalid catalog (every problem is named).
`,
  explain: `Usage: aggregator-errors explain <provider> <code> [--json] [--catalog <file.json>]...

Prints everything the provider's catalog documents about a code: its
provider-wide meaning, every endpoint row (endpoint, status, printed status,
kind, message, description, note, source), pending steps and sandbox triggers.

Example:
  aggregator-errors explain aerosync AC-102

Options:
  --json                       Print the explanation as JSON
  -c, --catalog <file.json>    Also load this catalog; repeatable
  -h, --help                   Show this help

Exit status: 0 found, 2 unknown provider or code (close matches are suggested).
`,
  catalog: `Usage: aggregator-errors catalog [--provider <id>] [--format json|csv|markdown|coverage] [--catalog <file.json>]...

Prints the catalogs:
  json       the catalogs as data (one object with --provider, else an array)
  csv        one row per documented endpoint row, code (and alias), category code,
             category, prefix, status meaning and pending step, with kind, detail,
             hints, message, description, note and source: a table a warehouse
             joins normalized logs against (columns: docs/cli.md)
  markdown   documentation tables: per provider, its codes and endpoint rows with kind and source
  coverage   the provider coverage table: rows documented, codes, kinds covered, source

Options:
  -p, --provider <id>          Only this provider
  -f, --format <format>        json (default), csv, markdown or coverage
  -c, --catalog <file.json>    Also load this catalog; repeatable
  -h, --help                   Show this help
`,
};
