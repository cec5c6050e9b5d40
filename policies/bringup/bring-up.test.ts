/**
 * One fixture per Argo CD / Kubernetes semantic the bring-up simulation encodes: the fixture
 * environment comes up; each case breaks it in one way and expects the one-line reason naming the
 * app and object that block.
 */
import { describe, expect, it } from 'vitest';
import { bringUpFixture, webObject, WEB_HOST, type BringUpFixture } from '../testing/bringup-fixtures.js';
import { findings } from '../testing/run-rule.js';
import { bringUp } from './bring-up.js';

const lines = (change?: (f: BringUpFixture) => void) => findings(bringUp, bringUpFixture(change)).map((f) => `${f.resource} | ${f.message}`);

const setWave = (f: BringUpFixture, app: string, wave: number) => (f.apps[app]!.metadata.annotations['argocd.argoproj.io/sync-wave'] = String(wave));

interface Case {
  semantic: string;
  change: (f: BringUpFixture) => void;
  /** Substrings of the blocking app's line; the first one picks the line. */
  expected: string[];
}

const cases: Case[] = [
  {
    semantic: 'root waves gate on child health: an Ingress waiting for a controller of a later wave deadlocks',
    change: (f) => setWave(f, 'aws-load-balancer-controller', 4),
    expected: ['Ingress/platform-apps/web |', 'app "web" (wave 3): never becomes Healthy', 'app "aws-load-balancer-controller" (wave 4)', 'a deadlock'],
  },
  {
    semantic: 'without the Application health check, root waves do not wait (Argo CD ≥ 1.8)',
    change: (f) => delete f.argoCdValues.configs.cm['resource.customizations.health.argoproj.io_Application'],
    expected: ['ServiceAccount/platform-system/external-secrets |', 'app "external-secrets" (wave 1): the sync fails', 'namespace platform-system', 'root waves do not wait for child health'],
  },
  {
    semantic: 'apps of the same wave sync in parallel: a CRD from a sibling is a race',
    change: (f) => setWave(f, 'secret-store', 1),
    expected: ['ClusterSecretStore/aws |', 'the CRD of ClusterSecretStore.external-secrets.io', 'syncs in parallel (same wave)'],
  },
  {
    semantic: 'a custom resource whose CRD nothing installs is rejected',
    change: (f) => f.manifests.web!.push({ apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'platform-apps' } }),
    expected: ['Widget/platform-apps/w |', 'the CRD of Widget.example.io, which nothing in the environment provides'],
  },
  {
    semantic: 'a fail-closed admission webhook of an add-on syncing alongside rejects what it guards',
    change: (f) => {
      f.apps['aws-load-balancer-controller']!.spec.source.helm.valuesObject.enableServiceMutatorWebhook = true;
      setWave(f, 'aws-load-balancer-controller', 3);
    },
    expected: ['Service/platform-apps/web |', 'the admission webhook mservice.elbv2.k8s.aws of aws-load-balancer-controller'],
  },
  {
    semantic: 'the namespace quota decides which Service types are admitted',
    change: (f) => (webObject(f, 'Service').spec.type = 'NodePort'),
    expected: ['Service/platform-apps/web |', 'the sync fails', 'services.nodeports: 0'],
  },
  {
    semantic: 'an ALB Ingress on HTTPS needs an ACM certificate for its host',
    change: (f) => delete f.terraform.resource.aws_acm_certificate,
    expected: ['Ingress/platform-apps/web |', `an ACM certificate for ${WEB_HOST} from Terraform`],
  },
  {
    semantic: 'an Ingress needs its ingress class',
    change: (f) => (webObject(f, 'Ingress').spec.ingressClassName = 'nginx'),
    expected: ['Ingress/platform-apps/web |', 'IngressClass nginx, which nothing in the environment provides'],
  },
  {
    semantic: 'an Ingress needs its backend Service',
    change: (f) => {
      f.manifests.web = f.manifests.web!.filter((o) => o.kind !== 'Service');
      webObject(f, 'Ingress').spec.rules[0].http = { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] };
    },
    expected: ['Ingress/platform-apps/web |', 'its backend Service platform-apps/web'],
  },
  {
    semantic: 'a namespaced object needs its namespace (no CreateNamespace)',
    change: (f) => (f.manifests.baseline = f.manifests.baseline!.filter((o) => o.metadata.name !== 'platform-apps')),
    expected: ['ResourceQuota/platform-apps/budget |', 'app "baseline" (wave 0): the sync fails', 'namespace platform-apps, which nothing in the environment provides'],
  },
  {
    semantic: 'a Deployment needs its ServiceAccount',
    change: (f) => (f.manifests.web = f.manifests.web!.filter((o) => o.kind !== 'ServiceAccount')),
    expected: ['Deployment/platform-apps/web |', 'ServiceAccount platform-apps/web'],
  },
  {
    semantic: 'a Deployment needs the IAM role of its IRSA service account',
    change: (f) => delete f.terraform.resource.aws_iam_role.irsa_web,
    expected: ['Deployment/platform-apps/web |', 'the IAM role irsa-web'],
  },
  {
    semantic: 'an ExternalSecret needs its Secrets Manager secret, and the Deployment the Secret it makes',
    change: (f) => delete f.terraform.resource.aws_secretsmanager_secret,
    expected: ['ExternalSecret/platform-apps/web |', 'the Secrets Manager secret platform/dev/web/key'],
  },
  {
    semantic: 'a Deployment needs its image repository',
    change: (f) => delete f.terraform.resource.aws_ecr_repository,
    expected: ['Deployment/platform-apps/web |', 'the ECR repository platform/web'],
  },
  {
    semantic: 'a Deployment needs a node it tolerates',
    change: (f) => {
      f.terraform.resource.aws_eks_node_group.data = { node_group_name: 'data', labels: { pool: 'data' }, taint: [{ key: 'dedicated', value: 'data', effect: 'NO_SCHEDULE' }] };
      webObject(f, 'Deployment').spec.template.spec.nodeSelector = { pool: 'data' };
    },
    expected: ['Deployment/platform-apps/web |', 'a node matching its node selector and tolerating its taints'],
  },
  {
    semantic: 'volume claims need the EBS CSI driver',
    change: (f) => {
      Object.assign(webObject(f, 'Deployment'), { kind: 'StatefulSet' });
      webObject(f, 'HorizontalPodAutoscaler').spec.scaleTargetRef.kind = 'StatefulSet';
      webObject(f, 'StatefulSet').spec.volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: {} }];
      delete f.terraform.resource.aws_eks_addon;
    },
    expected: ['StatefulSet/platform-apps/web |', 'the EKS add-on aws-ebs-csi-driver'],
  },
  {
    semantic: 'an add-on controller needs the Route 53 zones it works in',
    change: (f) => {
      f.apps['external-dns'] = structuredClone(f.apps['metrics-server']!);
      Object.assign(f.apps['external-dns']!.metadata, { name: 'external-dns' });
      Object.assign(f.apps['external-dns']!.spec.source, { chart: 'external-dns', helm: { releaseName: 'external-dns', valuesObject: { domainFilters: ['platform.example'] } } });
    },
    expected: ['Deployment/platform-system/external-dns |', 'the Route 53 zone platform.example from Terraform'],
  },
  {
    semantic: 'a CPU HPA needs the resource metrics API',
    change: (f) => delete f.apps['metrics-server'],
    expected: ['HorizontalPodAutoscaler/platform-apps/web |', 'the resource metrics API (metrics-server)'],
  },
  {
    semantic: 'waves inside an app: a later wave starts only when the earlier one is Healthy',
    change: (f) => (webObject(f, 'ExternalSecret').metadata.annotations = { 'argocd.argoproj.io/sync-wave': '1' }),
    expected: ['Deployment/platform-apps/web |', 'Secret platform-apps/web, which comes only later in its own sync'],
  },
  {
    semantic: 'phases: a PreSync hook runs before the Sync phase creates what it needs',
    change: (f) =>
      f.manifests.web!.push({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'migrate', namespace: 'platform-apps', annotations: { 'argocd.argoproj.io/hook': 'PreSync' } },
        spec: { template: { spec: { serviceAccountName: 'web', containers: [{ name: 'migrate', image: 'migrate:1' }] } } },
      }),
    expected: ['Job/platform-apps/migrate |', 'ServiceAccount platform-apps/web, which comes only later in its own sync'],
  },
  {
    semantic: 'a chart without a record cannot be simulated',
    change: (f) => (f.apps['metrics-server']!.spec.source.chart = 'unknown-chart'),
    expected: ['Application/argocd/metrics-server |', 'no chart record for "unknown-chart"'],
  },
  {
    semantic: 'an Application whose AppProject does not exist never syncs',
    change: (f) => (f.apps.web!.spec.project = 'team-web'),
    expected: ['Application/argocd/web |', 'its AppProject "team-web" does not exist'],
  },
];

describe('bring-up simulation', () => {
  it('brings the fixture environment up', () => {
    expect(lines()).toEqual([]);
  });

  it('accepts a CRD and its custom resources in the same sync', () => {
    expect(
      lines((f) =>
        f.manifests.web!.push(
          { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.io' }, spec: { group: 'example.io', names: { kind: 'Widget' } } },
          { apiVersion: 'example.io/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'platform-apps' } },
        ),
      ),
    ).toEqual([]);
  });

  it('schedules a pod that tolerates the taint of the node group it selects', () => {
    expect(
      lines((f) => {
        f.terraform.resource.aws_eks_node_group.data = { node_group_name: 'data', labels: { pool: 'data' }, taint: [{ key: 'dedicated', value: 'data', effect: 'NO_SCHEDULE' }] };
        Object.assign(webObject(f, 'Deployment').spec.template.spec, { nodeSelector: { pool: 'data' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'data', effect: 'NoSchedule' }] });
      }),
    ).toEqual([]);
  });

  it('lets CreateNamespace=true create the destination namespace', () => {
    expect(
      lines((f) => {
        f.manifests.baseline = f.manifests.baseline!.filter((o) => o.metadata.name !== 'platform-apps' && o.metadata.namespace !== 'platform-apps');
        f.apps.web!.spec.syncPolicy = { syncOptions: ['CreateNamespace=true'] };
      }),
    ).toEqual([]);
  });

  it('accepts a wildcard certificate one label up', () => {
    expect(lines((f) => (f.terraform.resource.aws_acm_certificate.web.domain_name = '*.platform.example'))).toEqual([]);
  });

  it('lets through what a webhook of a later wave would guard: it is not registered yet', () => {
    expect(
      lines((f) => {
        f.manifests.web = f.manifests.web!.filter((o) => o.kind !== 'Ingress');
        f.apps['aws-load-balancer-controller']!.spec.source.helm.valuesObject.enableServiceMutatorWebhook = true;
        setWave(f, 'aws-load-balancer-controller', 4);
      }),
    ).toEqual([]);
  });

  it('does not hold an app back on kinds Argo CD has no health check for', () => {
    expect(lines((f) => f.manifests.web!.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra', namespace: 'platform-apps' } }))).toEqual([]);
  });

  it.each(cases.map((c) => [c.semantic, c] as const))('%s', (_, c) => {
    const found = lines(c.change);
    const line = found.find((l) => l.startsWith(c.expected[0]!));
    expect(line, found.join('\n')).toBeDefined();
    for (const part of c.expected) expect(line).toContain(part);
  });

  it('names the root wave it stops at and the apps that never sync', () => {
    expect(lines((f) => setWave(f, 'aws-load-balancer-controller', 4)).at(-1)).toBe(
      'Application/argocd/root | the root stops at wave 3: 1 Application(s) of later waves never sync (aws-load-balancer-controller)',
    );
  });
});
