/** Names the kind of failure only (class and code): messages and stacks may quote case data. */
export function errorKind(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${e.name} ${code}` : e.name;
  }
  return typeof e;
}

/** The main process's only log line: what failed and the kind of error, never its message. */
export function logFailure(
  what: string,
  e: unknown,
  write: (line: string) => void = (l) => process.stderr.write(l),
): void {
  write(`sauga: ${what}: ${errorKind(e)}\n`);
}
