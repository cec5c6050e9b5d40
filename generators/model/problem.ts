/** One user-facing problem with the configuration: file, field path and what was expected. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.path || '<root>'}: ${problem.message}`;
}

/** Stable order: by file, then path, then message (code-point order, independent of locale). */
export function sortProblems(problems: Problem[]): Problem[] {
  const key = (p: Problem) => [p.file, p.path, p.message].join('\u0000');
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A mistake in the user's input: printed as one line per problem, without a stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(sortProblems(problems).map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Builds a field path such as `network.subnets.private[1]` or `labels["a/b"]`. */
export function joinPath(parent: string, segment: string | number): string {
  if (typeof segment === 'number' || /^\d+$/.test(segment)) return `${parent}[${segment}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) return parent ? `${parent}.${segment}` : segment;
  return `${parent}[${JSON.stringify(segment)}]`;
}
