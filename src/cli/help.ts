/** The help text of each command, and of the CLI as a whole (`''`). */
export const HELP: Readonly<Record<string, string>> = {
  '': `Usage: aggregator-errors <command> [options]

Turns bank-aggregation provider errors into one typed, documented value.

Commands:
  normalize [file]             Normalize NDJSON raw responses (stdin when no file or "-")
  explain <provider> <code>    Every documented meaning of a provider's code
  catalog [--provider <id>]    The catalogs as JSON, markdown docs or a coverage table
  help [command]               Show help for a command

Options:
  -h, --help                   Show help (also after any command)
  -v, --version                Print the version

Exit status: 0 success, 1 some input lines failed (normalize), 2 bad arguments.
`,
  normalize: `Usage: aggregator-errors normalize [file] [--provider <id>]

Reads raw provider responses as NDJSON, one JSON object a line:
  {"provider":"aerosync","method":"GET","url":"/v2/accounts/u-42/balance","status":400,"body":{...}}
(fields: provider, method, url, endpoint, status, headers, body as text or JSON, code),
and writes one normalized error a line, as JSON, in the same order.

A line that is not a JSON object is reported on stderr with its line number and
written as {"line":N,"error":"..."} so output lines stay aligned with input lines;
the rest is processed. Blank lines are skipped.

Arguments:
  file                         The NDJSON file; stdin when absent or "-"

Options:
  -p, --provider <id>          The provider of lines that name none
  -h, --help                   Show this help

Exit status: 0 every line normalized, 1 some lines failed, 2 bad arguments or unreadable file.
`,
  explain: `Usage: aggregator-errors explain <provider> <code> [--json]

Prints everything the provider's catalog documents about a code: its
provider-wide meaning, every endpoint row (endpoint, status, printed status,
kind, message, description, note, source), pending steps and sandbox triggers.

Example:
  aggregator-errors explain aerosync AC-102

Options:
  --json                       Print the explanation as JSON
  -h, --help                   Show this help

Exit status: 0 found, 2 unknown provider or code (close matches are suggested).
`,
  catalog: `Usage: aggregator-errors catalog [--provider <id>] [--format json|markdown|coverage]

Prints the shipped catalogs:
  json       the catalogs as data (one object with --provider, else an array)
  markdown   documentation tables: per provider, its codes and endpoint rows with kind and source
  coverage   the provider coverage table: rows documented, codes, kinds covered, source

Options:
  -p, --provider <id>          Only this provider
  -f, --format <format>        json (default), markdown or coverage
  -h, --help                   Show this help
`,
};
