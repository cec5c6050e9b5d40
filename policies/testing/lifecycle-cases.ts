/**
 * Table of lifecycle rule fixtures: a support table of their own (so the cases do not move when
 * the real table does), an EKS cluster stack, an Argo CD Application and a toolchain pin.
 */
import type { SupportWindow } from '../../environments/support.js';
import type { Finding } from '../engine/types.js';
import { endOfLifeSoonRule } from '../lifecycle/end-of-life-soon.js';
import { endOfLifeRule } from '../lifecycle/end-of-life.js';
import { kubernetesCompatibilityRule } from '../lifecycle/kubernetes-compatibility.js';
import type { Pin } from '../lifecycle/pins.js';
import { yamlFile, type Manifest } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';
import { stackJson } from './terraform-fixtures.js';

const checked = '2026-11-30';
const table: SupportWindow[] = [
  { product: 'amazon-eks', cycle: '1.31', ends: '2025-11-26', extendedEnds: '2026-11-26', source: 'https://eks.example/calendar', checked },
  { product: 'amazon-eks', cycle: '1.34', ends: '2026-12-02', extendedEnds: '2027-12-02', source: 'https://eks.example/calendar', checked },
  { product: 'amazon-eks', cycle: '1.35', ends: '2027-03-27', extendedEnds: '2028-03-27', source: 'https://eks.example/calendar', checked },
  { product: 'nodejs', cycle: '20', ends: '2026-04-30', source: 'https://node.example/schedule', checked },
  { product: 'nodejs', cycle: '24', ends: '2028-04-30', source: 'https://node.example/schedule', checked },
  { product: 'chart:promtail', cycle: '*', ends: '2026-03-02', source: 'https://grafana.example/promtail', checked },
];

const CLUSTER = 'generated/terraform/prod/cluster/main.tf.json';
const cluster = (version: string, supportType?: string) =>
  stackJson('prod', 'cluster', {
    resource: { aws_eks_cluster: { eks_cluster: { name: 'platform-prod', version, ...(supportType ? { upgrade_policy: { support_type: supportType } } : {}) } } },
  });

const APP = 'argocd/prod/apps/logs.yaml';
const application = (chart: string, targetRevision: string): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'logs', namespace: 'argocd' },
  spec: { project: 'platform', source: { repoURL: 'https://grafana.github.io/helm-charts', chart, targetRevision }, destination: { namespace: 'platform-monitoring' } },
});

const nodePin = (version: string): Pin => ({ product: 'nodejs', label: `Node.js ${version}`, version, file: 'environments/versions.ts', resource: 'tools.node', extended: false });
const at = (file: string, resource: string, message: string): Finding => ({ file, resource, message });

/** A repository-wide file, so the fixture has the group the toolchain pins report in. */
const repositoryFile = () => yamlFile('repository.yaml', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'repository', namespace: 'default' } }], null);

export { nodePin, repositoryFile, table as fixtureSupportTable };

export const lifecycleCases: RuleCase[] = [
  {
    rule: endOfLifeRule({ table, repositoryPins: [] }),
    name: 'EKS 1.31 with no upgrade policy after its extended support ended',
    pass: () => [cluster('1.35', 'STANDARD')],
    fail: () => [cluster('1.31')],
    expected: [
      at(
        CLUSTER,
        'aws_eks_cluster.eks_cluster',
        'Kubernetes 1.31 on EKS (no upgrade policy, so the AWS default EXTENDED): extended support ended on 2026-11-26 (https://eks.example/calendar, checked 2026-11-30); move to a supported version',
      ),
    ],
  },
  {
    rule: endOfLifeRule({ table, repositoryPins: [] }),
    name: 'EKS 1.34 with upgrade policy STANDARD on the day standard support ends',
    today: '2026-12-02',
    pass: () => [cluster('1.34', 'EXTENDED')],
    fail: () => [cluster('1.34', 'STANDARD')],
    expected: [
      at(
        CLUSTER,
        'aws_eks_cluster.eks_cluster',
        'Kubernetes 1.34 on EKS (upgrade policy STANDARD): standard support ended on 2026-12-02 (https://eks.example/calendar, checked 2026-11-30); move to a supported version',
      ),
    ],
  },
  {
    rule: endOfLifeRule({ table, repositoryPins: [] }),
    name: 'EKS version the support table does not know',
    pass: () => [cluster('1.35', 'STANDARD')],
    fail: () => [cluster('1.36', 'STANDARD')],
    expected: [
      at(
        CLUSTER,
        'aws_eks_cluster.eks_cluster',
        'Kubernetes 1.36 on EKS (upgrade policy STANDARD): no row for this version in environments/support.ts; add its support dates with their source before pinning it',
      ),
    ],
  },
  {
    rule: endOfLifeRule({ table, repositoryPins: [] }),
    name: 'a chart whose product reached end of life (promtail), any version',
    pass: () => [yamlFile(APP, [application('alloy', '1.11.1')], 'prod')],
    fail: () => [yamlFile(APP, [application('promtail', '6.16.6')], 'prod')],
    expected: [at(APP, 'Application/argocd/logs', 'chart promtail 6.16.6: support ended on 2026-03-02 (https://grafana.example/promtail, checked 2026-11-30); move to a supported version')],
  },
  {
    rule: endOfLifeSoonRule({ table, repositoryPins: [] }),
    name: 'EKS 1.35 with upgrade policy STANDARD 80 days before standard support ends',
    today: '2027-01-06',
    pass: () => [cluster('1.35', 'EXTENDED')],
    fail: () => [cluster('1.35', 'STANDARD')],
    expected: [
      at(
        CLUSTER,
        'aws_eks_cluster.eks_cluster',
        'Kubernetes 1.35 on EKS (upgrade policy STANDARD): standard support ends on 2027-03-27, in 80 days (warning from 90 days before) (https://eks.example/calendar, checked 2026-11-30); plan the upgrade',
      ),
    ],
  },
  {
    rule: kubernetesCompatibilityRule([
      { chart: 'karpenter', line: '1.5', minKubernetes: '1.26', maxKubernetes: '1.33', source: 'https://karpenter.example/matrix', checked },
      { chart: 'karpenter', line: '1.14', minKubernetes: '1.26', maxKubernetes: '1.36', source: 'https://karpenter.example/matrix', checked },
    ]),
    name: 'Karpenter 1.5 on an EKS 1.35 cluster, and a release line without a row',
    pass: () => [cluster('1.35', 'STANDARD'), yamlFile(APP, [application('karpenter', '1.14.1'), { ...application('alloy', '1.11.1'), metadata: { name: 'logs-2', namespace: 'argocd' } }], 'prod')],
    fail: () => [cluster('1.35', 'STANDARD'), yamlFile(APP, [application('karpenter', '1.5.0'), { ...application('karpenter', '1.9.0'), metadata: { name: 'nodes-2', namespace: 'argocd' } }], 'prod')],
    expected: [
      at(APP, 'Application/argocd/logs', 'chart karpenter 1.5.0 supports Kubernetes 1.26 to 1.33 (https://karpenter.example/matrix, checked 2026-11-30), but the cluster runs 1.35 (generated/terraform/prod/cluster/main.tf.json)'),
      at(APP, 'Application/argocd/nodes-2', 'chart karpenter 1.9.0: no row for release line 1.9 in environments/compatibility.ts; add its supported Kubernetes versions with their source'),
    ],
  },
];
