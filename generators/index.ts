/** Every generator synth runs, in the order they are listed (output order is by path regardless). */
import type { Generator } from './generator.js';
import { networkGenerator } from './terraform/network.js';
import { kubernetesGenerator } from './kubernetes/generator.js';
import { argocdGenerator } from './argocd/generator.js';
import { atlantisGenerator } from './atlantis/generator.js';
import { codeownersGenerator } from './codeowners/codeowners.js';
import { clusterGenerator } from './terraform/cluster.js';
import { dataGenerator } from './terraform/data.js';
import { servicesGenerator } from './terraform/services.js';
import { observabilityGenerator } from './terraform/observability.js';
import { bootstrapGenerator } from './terraform/bootstrap.js';
import { terraformLockGenerator } from './terraform/lock-file.js';
import { kyvernoPoliciesGenerator } from './kubernetes/kyverno-policies.js';
import { costPagesGenerator } from './cost/generator.js';
import { catalogGenerator } from './catalog/generator.js';
import { runbookGenerator } from './runbooks/generator.js';

export const generators: readonly Generator[] = [
  networkGenerator,
  kubernetesGenerator,
  argocdGenerator,
  atlantisGenerator,
  codeownersGenerator,
  clusterGenerator,
  dataGenerator,
  servicesGenerator,
  observabilityGenerator,
  bootstrapGenerator,
  terraformLockGenerator,
  kyvernoPoliciesGenerator,
  runbookGenerator,
  // Output generators run after all others, in this order, each over what was produced before it
  // (the catalog links the cost pages only when they exist).
  costPagesGenerator,
  catalogGenerator,
];
