/** A mistake in how the command was typed: exit code 2 and the command's usage line. */
export class UsageError extends Error {}
