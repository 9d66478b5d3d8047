/**
 * A mistake in how the command was called: the CLI prints its message and exits with status 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit status for a usage mistake (bad arguments, unknown provider or code). */
export const EXIT_USAGE = 2;
