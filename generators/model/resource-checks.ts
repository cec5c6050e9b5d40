/** Requests above limits: Kubernetes refuses such a container ("must be less than or equal to … limit") and such a quota makes no sense. */
import { parseQuantity } from './quantity.js';
import { joinPath, type Problem } from './problem.js';

/** A request/limit pair as declared, with the field names the user wrote. */
export interface RequestLimit {
  request: { field: string; value: string };
  limit: { field: string; value: string };
}

/** One problem per pair whose request exceeds its limit (or that Kubernetes cannot parse). */
export function requestsWithinLimits(file: string, path: string, pairs: RequestLimit[]): Problem[] {
  const problems: Problem[] = [];
  for (const { request, limit } of pairs) {
    const r = parseQuantity(request.value);
    const l = parseQuantity(limit.value);
    if (r === undefined) problems.push({ file, path: joinPath(path, request.field), message: `expected a Kubernetes quantity, got "${request.value}"` });
    if (l === undefined) problems.push({ file, path: joinPath(path, limit.field), message: `expected a Kubernetes quantity, got "${limit.value}"` });
    if (r !== undefined && l !== undefined && r > l) {
      problems.push({ file, path: joinPath(path, request.field), message: `${request.field} ${request.value} is above ${limit.field} ${limit.value}; expected a request no greater than its limit` });
    }
  }
  return problems;
}

export interface ContainerResources {
  cpuRequest: string;
  memoryRequest: string;
  cpuLimit: string;
  memoryLimit: string;
}

export function containerResourceProblems(file: string, path: string, resources: ContainerResources | undefined): Problem[] {
  if (!resources) return [];
  return requestsWithinLimits(file, path, [
    { request: { field: 'cpuRequest', value: resources.cpuRequest }, limit: { field: 'cpuLimit', value: resources.cpuLimit } },
    { request: { field: 'memoryRequest', value: resources.memoryRequest }, limit: { field: 'memoryLimit', value: resources.memoryLimit } },
  ]);
}
