/**
 * Table of Kubernetes rule fixtures: for each rule, a fixture that passes and one that fails with
 * exactly the expected findings. Each failing fixture changes one thing in the compliant app.
 */
import { defaultDenyNetworkPolicy } from '../kubernetes/default-deny-network-policy.js';
import { disruptionBudget } from '../kubernetes/disruption-budget.js';
import { dropAllCapabilities } from '../kubernetes/drop-all-capabilities.js';
import { noHostAccess } from '../kubernetes/no-host-access.js';
import { noPrivilegeEscalation } from '../kubernetes/no-privilege-escalation.js';
import { noSecretData } from '../kubernetes/no-secret-data.js';
import { pinnedImages } from '../kubernetes/pinned-images.js';
import { probes } from '../kubernetes/probes.js';
import { readOnlyRootFilesystem } from '../kubernetes/read-only-root-filesystem.js';
import { resources } from '../kubernetes/resources.js';
import { runAsNonRoot } from '../kubernetes/run-as-non-root.js';
import { APP_DIR, compliantApp, compliantContainer, defaultDeny, firstContainer, namespace, podSpec, withDeployment, yamlFile } from './kubernetes-fixtures.js';
import type { RuleCase } from './run-rule.js';

const DEPLOYMENT_FILE = `${APP_DIR}/deployment.yaml`;
const DEPLOYMENT = 'Deployment/platform-apps/api';
const at = (message: string, resource = DEPLOYMENT, file = DEPLOYMENT_FILE) => ({ file, resource, message });

export const kubernetesCases: RuleCase[] = [
  {
    rule: runAsNonRoot,
    name: 'Pod securityContext runs as root',
    pass: () => compliantApp(),
    fail: () =>
      withDeployment((d) => {
        podSpec(d).securityContext = { runAsUser: 0 };
      }),
    expected: [at('container "api": runAsNonRoot is not true; runAsUser is 0 (root)')],
  },
  {
    rule: runAsNonRoot,
    name: 'one container overrides runAsNonRoot with false',
    pass: () =>
      withDeployment((d) => {
        // Pod-level unset, but every container says true: still non-root.
        podSpec(d).securityContext = {};
        firstContainer(d).securityContext.runAsNonRoot = true;
      }),
    fail: () =>
      withDeployment((d) => {
        podSpec(d).initContainers = [{ ...compliantContainer('migrate'), securityContext: { ...compliantContainer().securityContext, runAsNonRoot: false } }];
      }),
    expected: [at('init container "migrate": runAsNonRoot is not true')],
  },
  {
    rule: noPrivilegeEscalation,
    name: 'allowPrivilegeEscalation unset and privileged',
    pass: () => compliantApp(),
    fail: () =>
      withDeployment((d) => {
        firstContainer(d).securityContext = { ...firstContainer(d).securityContext, allowPrivilegeEscalation: undefined, privileged: true };
      }),
    expected: [at('container "api": allowPrivilegeEscalation is not false; privileged is true')],
  },
  {
    rule: readOnlyRootFilesystem,
    name: 'writable root file system',
    pass: () => compliantApp(),
    fail: () =>
      withDeployment((d) => {
        firstContainer(d).securityContext.readOnlyRootFilesystem = false;
      }),
    expected: [at('container "api": readOnlyRootFilesystem is not true')],
  },
  {
    rule: dropAllCapabilities,
    name: 'drops only NET_RAW and adds SYS_ADMIN',
    pass: () =>
      withDeployment((d) => {
        firstContainer(d).securityContext.capabilities = { drop: ['all'], add: ['NET_BIND_SERVICE'] };
      }),
    fail: () =>
      withDeployment((d) => {
        firstContainer(d).securityContext.capabilities = { drop: ['NET_RAW'], add: ['SYS_ADMIN'] };
      }),
    expected: [at('container "api": capabilities.drop does not include ALL; adds capabilities SYS_ADMIN')],
  },
  {
    rule: resources,
    name: 'no memory limit, no CPU request',
    pass: () => compliantApp(),
    fail: () =>
      withDeployment((d) => {
        firstContainer(d).resources = { requests: { memory: '256Mi' } };
      }),
    expected: [at('container "api": missing resources.requests.cpu, resources.limits.memory')],
  },
  {
    rule: probes,
    name: 'no readiness probe',
    // Jobs run to completion: no probes required.
    pass: () =>
      compliantApp({
        extra: [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'platform-apps' }, spec: { template: { spec: { containers: [{ name: 'migrate', image: 'x:1' }] } } } }],
      }),
    fail: () =>
      withDeployment((d) => {
        delete firstContainer(d).readinessProbe;
      }),
    expected: [at('container "api": missing readinessProbe')],
  },
  {
    rule: pinnedImages,
    name: 'latest tag, and no tag behind a registry port',
    pass: () =>
      withDeployment((d) => {
        podSpec(d).initContainers = [{ ...compliantContainer('init'), image: 'registry:5000/tools:latest@sha256:0123456789abcdef' }];
      }),
    fail: () =>
      withDeployment((d) => {
        firstContainer(d).image = 'nginx:latest';
        podSpec(d).initContainers = [{ ...compliantContainer('init'), image: 'registry:5000/tools' }];
      }),
    expected: [
      at('init container "init": image "registry:5000/tools" has neither a tag nor a digest'),
      at('container "api": image "nginx:latest" uses the mutable tag latest'),
    ],
  },
  {
    rule: noHostAccess,
    name: 'hostNetwork and a hostPath volume',
    pass: () => compliantApp(),
    fail: () =>
      withDeployment((d) => {
        podSpec(d).hostNetwork = true;
        podSpec(d).volumes = [{ name: 'tmp', emptyDir: {} }, { name: 'logs', hostPath: { path: '/var/log' } }];
      }),
    expected: [at('hostNetwork is true'), at('volume "logs" is a hostPath')],
  },
  {
    rule: disruptionBudget,
    name: 'autoscaled above one replica without a budget',
    pass: () => compliantApp(),
    // replicas unset (one), but the HPA may scale it to four; the budget is gone.
    fail: () =>
      withDeployment((d) => {
        delete d.spec.replicas;
      }).filter((f) => !f.path.endsWith('pdb.yaml')),
    expected: [at('can run more than one replica but no PodDisruptionBudget in namespace platform-apps selects its Pods')],
  },
  {
    rule: defaultDenyNetworkPolicy,
    name: 'namespace with an ingress-only default deny, and an Argo CD destination without any',
    pass: () => compliantApp(),
    fail: () => [
      yamlFile(`${APP_DIR}/namespace.yaml`, [namespace(), { ...defaultDeny(), spec: { podSelector: {} } }]),
      yamlFile('argocd/dev/apps/monitoring.yaml', [
        { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'monitoring', namespace: 'argocd' }, spec: { project: 'platform', destination: { namespace: 'platform-monitoring' } } },
      ]),
    ],
    expected: [
      { file: `${APP_DIR}/namespace.yaml`, resource: 'Namespace/platform-apps', message: 'no default-deny NetworkPolicy for egress' },
      { file: 'argocd/dev/apps/monitoring.yaml', resource: 'Namespace/platform-monitoring', message: 'no default-deny NetworkPolicy for ingress and egress' },
    ],
  },
  {
    rule: noSecretData,
    name: 'a Secret with stringData',
    // An empty Secret (filled by a controller) carries nothing.
    pass: () => compliantApp({ extra: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'filled-later', namespace: 'platform-apps' } }] }),
    fail: () => compliantApp({ extra: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'platform-apps' }, stringData: { password: 'hunter2' } }] }),
    expected: [at('Secret carries stringData', 'Secret/platform-apps/db', `${APP_DIR}/extra-0.yaml`)],
  },
];
