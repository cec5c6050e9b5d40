/** Table of Argo CD and Atlantis rule fixtures. */
import type { Finding } from '../engine/types.js';
import { noDefaultProject } from '../gitops/no-default-project.js';
import { noWildcardDestinations } from '../gitops/no-wildcard-destinations.js';
import { noWildcardSourceRepos } from '../gitops/no-wildcard-source-repos.js';
import { prodApplyApproval } from '../gitops/prod-apply-approval.js';
import { yamlFile, type Manifest } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';

const application = (project: string | undefined): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'api', namespace: 'argocd' },
  spec: { project, source: { repoURL: 'https://github.com/acme/platform-gitops.git', path: 'generated/kubernetes/prod/api' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'platform-apps' } },
});

const appProject = (spec: Manifest): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'platform', namespace: 'argocd' },
  spec: {
    sourceRepos: ['https://github.com/acme/platform-gitops.git'],
    destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'platform-apps' }],
    ...spec,
  },
});

const atlantis = (projects: Manifest[]) => yamlFile('atlantis.yaml', [{ version: 3, projects }], null);
const project = (env: string, requirements: string[] | undefined) => ({
  name: `${env}-network`,
  dir: `generated/terraform/${env}/network`,
  apply_requirements: requirements,
});

const APPS = 'argocd/prod/apps/api.yaml';
const PROJECTS = 'argocd/prod/projects/platform.yaml';
const at = (file: string, resource: string, message: string): Finding => ({ file, resource, message });

export const gitopsCases: RuleCase[] = [
  {
    rule: noDefaultProject,
    name: 'Application in the default project, and one naming none',
    pass: () => [yamlFile(APPS, [application('platform')], 'prod')],
    fail: () => [yamlFile(APPS, [application('default'), { ...application(undefined), metadata: { name: 'web', namespace: 'argocd' } }], 'prod')],
    expected: [at(APPS, 'Application/argocd/api', 'uses the default project'), at(APPS, 'Application/argocd/web', 'names no project (Argo CD would use default)')],
  },
  {
    rule: noWildcardDestinations,
    name: 'AppProject deploying to any namespace',
    pass: () => [yamlFile(PROJECTS, [appProject({})], 'prod')],
    fail: () => [yamlFile(PROJECTS, [appProject({ destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'platform-*' }] })], 'prod')],
    expected: [at(PROJECTS, 'AppProject/argocd/platform', 'destinations[0].namespace is the wildcard "platform-*"')],
  },
  {
    rule: prodApplyApproval,
    name: 'prod project applied on mergeable alone (dev needs no approval)',
    pass: () => [atlantis([project('dev', undefined), project('prod', ['approved', 'mergeable'])])],
    fail: () => [atlantis([project('dev', undefined), project('prod', ['mergeable'])])],
    expected: [at('atlantis.yaml', 'AtlantisProject/prod-network', 'project for generated/terraform/prod/network can be applied without an approved review')],
  },
  {
    rule: noWildcardSourceRepos,
    name: 'AppProject accepting any source repository',
    pass: () => [yamlFile(PROJECTS, [appProject({})], 'prod')],
    fail: () => [yamlFile(PROJECTS, [appProject({ sourceRepos: ['*'] })], 'prod')],
    expected: [at(PROJECTS, 'AppProject/argocd/platform', 'sourceRepos allows any repository ("*")')],
  },
];
