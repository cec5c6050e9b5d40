/**
 * .github/CODEOWNERS from the owners in the model. GitHub applies the last matching rule, so the
 * file goes from general to specific: the platform team owns everything by default (sources,
 * generators, tooling, repository-wide output), each service team its service folder, and each
 * environment's owning team plus reviewers that environment's generated output. Production output
 * always includes the platform team, whatever prod's owners say. The generated catalog may be
 * approved by anyone who owns one of its sources.
 */
import { dirname } from 'node:path/posix';
import { platform } from '../../environments/platform.js';
import { CATALOG_DIR } from '../catalog/paths.js';
import type { GeneratedFile } from '../document.js';
import type { RepositoryGenerator } from '../generator.js';
import type { PlatformModel, ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';
import { compareStrings } from '../sort.js';
import { isProduction } from '../production.js';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';

export interface OwnershipRule {
  /** CODEOWNERS pattern, anchored at the repository root. */
  pattern: string;
  owners: string[];
}

const unique = (owners: string[]) => [...new Set(owners)];

export function environmentOwners(env: ResolvedEnvironment): string[] {
  const owners = unique([env.owners.team, ...env.owners.reviewers]);
  return isProduction(env) && !owners.includes(platform.platformTeam) ? [platform.platformTeam, ...owners] : owners;
}

/** The folders an environment's generated output lives in. */
export function environmentOutputDirs(env: ResolvedEnvironment['name']): string[] {
  return [`generated/terraform/${env}/`, `generated/kubernetes/${env}/`, `${naming.argocdDir(env)}/`];
}

export function ownershipRules(model: PlatformModel): OwnershipRule[] {
  const platformTeam = [platform.platformTeam];
  const services = new Map<string, { dir: string; team: string }>();
  for (const service of model.environments.flatMap((env) => env.services)) {
    services.set(service.name, { dir: `${dirname(service.file)}/`, team: naming.githubTeam(service.team) });
  }
  return [
    { pattern: '*', owners: platformTeam },
    ...[...services.values()]
      .sort((a, b) => compareStrings(a.dir, b.dir))
      .map((s) => ({ pattern: `/${s.dir}`, owners: unique([s.team]) })),
    ...model.environments.flatMap((env) => environmentOutputDirs(env.name).map((dir) => ({ pattern: `/${dir}`, owners: environmentOwners(env) }))),
    // The catalog documents every source: whoever may approve a source change may approve its pages
    // (synth --check guarantees they match the sources, so they need no review of their own).
    { pattern: `/${CATALOG_DIR}/`, owners: unique([...platformTeam, ...model.environments.flatMap(environmentOwners), ...[...services.values()].map((s) => s.team).sort(compareStrings)]) },
  ];
}

export function codeownersText(rules: readonly OwnershipRule[]): string {
  const width = Math.max(...rules.map((r) => r.pattern.length));
  return rules.map((r) => `${r.pattern.padEnd(width)} ${r.owners.join(' ')}`).join('\n');
}

export const codeownersGenerator: RepositoryGenerator = {
  name: 'github/codeowners',
  scope: 'repository',
  generate(model): GeneratedFile[] {
    return [
      {
        path: CODEOWNERS_PATH,
        environment: null,
        generator: 'github/codeowners',
        sources: ['environments/', 'services/'],
        content: { format: 'text', text: codeownersText(ownershipRules(model)) },
      },
    ];
  },
};
