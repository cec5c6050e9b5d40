/**
 * Loading: validate every environment and service against its schema, then the semantic checks,
 * then resolve. Any problem throws one `ConfigError` listing all of them.
 */
import type { ValidateFunction } from 'ajv';
import type { Environment } from '../../environments/types.js';
import type { ServiceDefinition } from '../../services/types.js';
import { checkAwsValues } from './aws-value-checks.js';
import { checkPricing } from './cost-checks.js';
import { checkEnvironment } from './environment-checks.js';
import { environmentSetProblems } from './environment-set-checks.js';
import { checkOperations } from './operations/checks.js';
import { checkProtection } from './protection-checks.js';
import { exceptionLocation } from './exception-location.js';
import { generatedNameProblems } from './generated-names.js';
import { ConfigError, formatProblem, type Problem } from './problem.js';
import { resolvePlatform } from './resolve.js';
import { schemaProblems } from './schema-errors.js';
import { checkServices, type Sourced } from './service-checks.js';
import { serviceEnvironmentProblems } from './service-environment-checks.js';
import { checkServiceValues } from './service-value-checks.js';
import { startupCycleProblems } from './startup-order.js';
import type { PlatformModel } from './types.js';
import { validator } from './validators.js';

function validateAll<T>(inputs: Sourced<unknown>[], validate: ValidateFunction<T>, problems: Problem[]): Sourced<T>[] {
  const valid: Sourced<T>[] = [];
  for (const input of inputs) {
    if (validate(input.value)) valid.push({ file: input.file, value: input.value });
    else problems.push(...schemaProblems(input.file, validate.errors ?? []));
  }
  return valid;
}

/** Validates raw (untrusted) inputs and returns the resolved model, or throws ConfigError. */
export function loadPlatform(environments: Sourced<unknown>[], services: Sourced<unknown>[]): PlatformModel {
  const problems: Problem[] = [];
  const environment = validator('environment');
  const service = validator('service');
  const validEnvironments = validateAll(environments, environment, problems);
  const validServices = validateAll(services, service, problems);

  for (const env of validEnvironments) problems.push(...checkEnvironment(env.file, env.value), ...checkAwsValues(env.file, env.value), ...checkPricing(env.file, env.value), ...checkProtection(env.file, env.value));
  // The set-wide checks need every environment, each in its own file: with one schema-invalid or
  // misnamed, they would report its absence again. An environment is known by its file name.
  const named = validEnvironments.filter((env) => fileEnvironmentName(env.file) === undefined || fileEnvironmentName(env.file) === env.value.name);
  const complete = named.length === environments.length;
  if (complete) problems.push(...environmentSetProblems(named));
  problems.push(...checkServiceValues(validServices, validEnvironments));
  problems.push(...serviceEnvironmentProblems(validServices, complete ? named : [], environments.flatMap((e) => fileEnvironmentName(e.file) ?? nameOf(e.value))));
  // Teams of every service input, also those that failed their schema (their routes are not stale).
  problems.push(...checkOperations(validEnvironments, services.flatMap((s) => teamOf(s.value))));
  problems.push(...generatedNameProblems(validEnvironments, validServices));
  problems.push(...startupCycleProblems(validServices));
  // Cross-references among what passed its schema; names of services that did not are still known.
  const invalidNames = services.filter((s) => !validServices.some((v) => v.file === s.file)).flatMap((s) => nameOf(s.value));
  problems.push(...checkServices(validServices, validEnvironments, validServices.length === services.length ? undefined : invalidNames));
  if (problems.length > 0) throw new ConfigError(unique(problems.map((p) => atDefinition(p, environments))));
  return resolvePlatform(validEnvironments, validServices);
}

/**
 * A problem inside `policyExceptions[i]` of an environment is reported where that exception is
 * defined: a shared list (environments/policy-exceptions.ts) rather than every environment spreading it in.
 */
function atDefinition(problem: Problem, environments: Sourced<unknown>[]): Problem {
  const match = /^policyExceptions\[(\d+)\](.*)$/.exec(problem.path);
  if (!match) return problem;
  const env = environments.find((e) => e.file === problem.file)?.value as { policyExceptions?: unknown } | undefined;
  const exception = Array.isArray(env?.policyExceptions) ? env.policyExceptions[Number(match[1])] : undefined;
  if (typeof exception !== 'object' || exception === null) return problem;
  const where = exceptionLocation(problem.file, Number(match[1]), exception as Environment['policyExceptions'][number]);
  return { ...problem, file: where.file, path: where.path + match[2] };
}

/** The same problem found through several environments (a shared exception, say) is one line. */
function unique(problems: Problem[]): Problem[] {
  return [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
}

const teamOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && typeof (value as { team?: unknown }).team === 'string' ? [(value as { team: string }).team] : [];

const nameOf = (value: unknown): string[] =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? [(value as { name: string }).name] : [];

/** `environments/<name>.ts` → `<name>`: an environment's identity (undefined for an in-memory fixture path). */
const fileEnvironmentName = (file: string): string | undefined => /^environments\/([^/]+)\.ts$/.exec(file)?.[1];
