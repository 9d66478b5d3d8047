/**
 * The command line of `npm run fuzz`, read into options (pure: no I/O, so a
 * mistake in it is a message and exit status 2, never a half-started run).
 */

/** What one fuzz run does. */
export interface FuzzOptions {
  /** Inputs to run across every selected property, split by weight; ignored with `minutes`. */
  readonly runs: number;
  /** Run for this long instead of a count of inputs. */
  readonly minutes: number | undefined;
  /** Substrings of the property names to run (an exact name selects that property alone). */
  readonly only: readonly string[];
  /** The seed of the run, or (with `path`) of the batch that failed. */
  readonly seed: number | undefined;
  /** A fast-check path to replay (with `seed` and one property). */
  readonly path: string | undefined;
  /** A single call slower than this is flagged, in milliseconds. */
  readonly limitMs: number;
  /** No call finishing for this long is a hang: the run stops and names the input, in seconds. */
  readonly hangSeconds: number;
  /** List the properties and their share of the runs, and run nothing. */
  readonly list: boolean;
  /** Print the usage. */
  readonly help: boolean;
}

/** The usage text. */
export const USAGE: string = `Usage: npm run fuzz -- [options]

Runs every contract of test/support/hostile.ts (every public function of every
entry point) on hostile inputs, as test/hostile.test.ts does, for longer.

  --runs N          inputs in all, split across the contracts by weight (default 1000000)
  --minutes M       run for M minutes instead (round-robin over the contracts)
  --only TEXT       run the properties whose name contains TEXT (repeatable); an exact
                    name runs that property alone: main.isKind, or main.isKind@text for
                    the unparseable-text inputs
  --seed S          the seed of the whole run; with --path, the seed a failure printed
  --path P          replay one input: the fast-check path a failure printed (needs --seed
                    and an --only naming one property)
  --limit-ms MS     flag any single call slower than this, the check of its answer
                    included (default 1000); each contract's first call is not timed
  --hang-seconds S  stop and name the input when no call ends for S seconds (default 30)
  --list            list the properties and their share of the runs, run nothing
  --help            this text

Exit status: 0 when every input got a valid answer in time; 1 on a failure, a
call over the limit or a hang; 2 on a usage error.`;

const DEFAULTS: FuzzOptions = {
  runs: 1_000_000,
  minutes: undefined,
  only: [],
  seed: undefined,
  path: undefined,
  limitMs: 1000,
  hangSeconds: 30,
  list: false,
  help: false,
};

/** A usage error: what was wrong with the command line. */
export interface UsageError {
  readonly error: string;
}

function positive(flag: string, text: string | undefined, integer: boolean): number | UsageError {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isSafeInteger(value))) {
    return { error: `${flag} needs a positive ${integer ? 'integer' : 'number'}, got ${text === undefined ? 'nothing' : JSON.stringify(text)}` };
  }
  return value;
}

/** Reads the command line (without `node` and the script). */
export function parseOptions(argv: readonly string[]): FuzzOptions | UsageError {
  const options: { -readonly [K in keyof FuzzOptions]: FuzzOptions[K] } = { ...DEFAULTS, only: [] };
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] =
      flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '--runs':
      case '--minutes':
      case '--limit-ms':
      case '--hang-seconds': {
        const parsed = positive(name, value(), name === '--runs');
        if (typeof parsed !== 'number') return parsed;
        if (name === '--runs') options.runs = parsed;
        else if (name === '--minutes') options.minutes = parsed;
        else if (name === '--limit-ms') options.limitMs = parsed;
        else options.hangSeconds = parsed;
        break;
      }
      case '--seed': {
        const text = value();
        const seed = Number(text);
        if (text === undefined || !/^-?\d+$/.test(text) || !Number.isSafeInteger(seed))
          return { error: `--seed needs an integer, got ${text === undefined ? 'nothing' : JSON.stringify(text)}` };
        options.seed = seed;
        break;
      }
      case '--path': {
        const text = value();
        if (text === undefined || !/^\d+(:\d+)*$/.test(text))
          return { error: `--path needs a fast-check path such as 57:3:1, got ${text === undefined ? 'nothing' : JSON.stringify(text)}` };
        options.path = text;
        break;
      }
      case '--only': {
        const text = value();
        if (text === undefined || text === '') return { error: '--only needs a part of a property name, e.g. --only gateway.' };
        only.push(text);
        break;
      }
      case '--list':
        options.list = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        return { error: `unknown option ${JSON.stringify(flag)}` };
    }
  }
  if (options.path !== undefined && options.seed === undefined) return { error: '--path replays one input of one seed: give the --seed the failure printed' };
  if (options.path !== undefined && options.minutes !== undefined) return { error: '--path replays one input: --minutes does not apply' };
  return { ...options, only };
}
