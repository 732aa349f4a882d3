/** A failure the user can act on: the CLI prints its message as one line, without a stack trace. */
export class CliError extends Error {}
