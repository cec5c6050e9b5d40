/** Facts shared by every environment: the Git repository Argo CD and Atlantis read, and the organisation. */
export const platform = {
  /** The repository this code lives in; Argo CD syncs from it and Atlantis plans it. */
  repoURL: 'https://github.com/acme/platform-gitops.git',
  /** GitHub owner/name, used by CI and the pull-request comment. */
  githubRepository: 'acme/platform-gitops',
  /** The branch every environment syncs from. */
  defaultBranch: 'main',
  /** Owners of the generator code and of anything that is not environment-specific. */
  platformTeam: '@acme/platform',
  /** Name prefix of every AWS and Kubernetes object the platform creates. */
  prefix: 'platform',
} as const;
