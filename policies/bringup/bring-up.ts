/** BRINGUP-001: every Application of the environment reaches Healthy on a fresh cluster under Argo CD. */
import type { Finding, Rule } from '../engine/types.js';
import { clusterModel } from './cluster-model.js';
import { simulate } from './simulate.js';

export const bringUp: Rule = {
  id: 'BRINGUP-001',
  severity: 'error',
  area: 'bringup',
  title: 'A fresh cluster comes up under Argo CD',
  checks:
    'Simulates an empty cluster from the root app-of-apps with Argo CD\'s semantics (root and per-app sync waves, child health gating only if Argo CD\'s values carry the Application health check, kind order, built-in and bundled health checks), Kubernetes admission (namespaces, CRDs, fail-closed webhooks of the add-ons, ResourceQuota Service types) and what each object needs from the cluster and from the environment\'s Terraform (IRSA roles, ACM certificates, Secrets Manager secrets, Route 53 zones, S3 buckets and SQS queues the add-ons use, ECR repositories, the EBS CSI add-on, nodes it tolerates). Upstream charts are modelled by a record per add-on (policies/bringup/chart-records.ts). Reports the first blocking object of each Application that never becomes Healthy.',
  why: 'Every file can be valid on its own while the platform never comes up: an Ingress waiting for a load-balancer controller of a later wave deadlocks the root, a Service type the quota forbids fails the sync, a host without a certificate never gets a load balancer.',
  fix: 'Follow the message: order the apps by `dependsOn` (generators/kubernetes/apps.ts and addons/) so what an app needs is Healthy first, set the values the quota allows, or create the missing Terraform output from the naming contract.',
  check(documents): Finding[] {
    if (documents.environment === null) return [];
    const model = clusterModel(documents);
    if (!model.root) return [];
    return simulate(model).map((b) => ({ file: b.app?.file ?? model.root!.file, resource: b.resource, message: b.message }));
  },
};
