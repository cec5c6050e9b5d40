/**
 * Atlantis projects from `atlantis.yaml`. The file is repository-wide; each project belongs to
 * the environment whose Terraform it plans (its `dir`, else its `<env>-` name prefix).
 */
import { dict, isDict, list, str, type Dict } from './values.js';

export interface AtlantisProject {
  file: string;
  name: string;
  dir: string;
  environment: string | null;
  /** `AtlantisProject/<name>`. */
  resource: string;
  project: Dict;
}

/** From the project's dir (generated/terraform/<env>/…), else the longest known environment name its name starts with. */
function environmentOf(dir: string, name: string, environments: readonly string[]): string | null {
  const fromDir = /^(?:\.\/)?generated\/terraform\/([^/]+)\//.exec(`${dir}/`)?.[1];
  if (fromDir !== undefined) return fromDir;
  const byName = environments.filter((env) => name.startsWith(`${env}-`)).sort((a, b) => b.length - a.length);
  return byName[0] ?? null;
}

export function atlantisProjects(file: string, documents: unknown[], environments: readonly string[] = []): AtlantisProject[] {
  return documents.flatMap((doc) =>
    list(dict(doc).projects)
      .filter(isDict)
      .map((project) => {
        const dir = str(project.dir) ?? '';
        const name = str(project.name) ?? dir;
        return { file, name, dir, environment: environmentOf(dir, name, environments), resource: `AtlantisProject/${name}`, project };
      }),
  );
}
