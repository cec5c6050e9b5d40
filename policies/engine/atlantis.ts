/**
 * Atlantis projects from `atlantis.yaml`. The file is repository-wide; each project belongs to
 * the environment whose Terraform it plans (its `dir`, else its `<env>-` name prefix).
 */
import { ENV_NAMES, type EnvName } from '../../environments/types.js';
import { dict, isDict, list, str, type Dict } from './values.js';

export interface AtlantisProject {
  file: string;
  name: string;
  dir: string;
  environment: EnvName | null;
  /** `AtlantisProject/<name>`. */
  resource: string;
  project: Dict;
}

function environmentOf(dir: string, name: string): EnvName | null {
  const fromDir = /^(?:\.\/)?generated\/terraform\/([^/]+)\//.exec(`${dir}/`)?.[1];
  const fromName = ENV_NAMES.find((env) => name.startsWith(`${env}-`));
  return ENV_NAMES.find((env) => env === fromDir) ?? fromName ?? null;
}

export function atlantisProjects(file: string, documents: unknown[]): AtlantisProject[] {
  return documents.flatMap((doc) =>
    list(dict(doc).projects)
      .filter(isDict)
      .map((project) => {
        const dir = str(project.dir) ?? '';
        const name = str(project.name) ?? dir;
        return { file, name, dir, environment: environmentOf(dir, name), resource: `AtlantisProject/${name}`, project };
      }),
  );
}
