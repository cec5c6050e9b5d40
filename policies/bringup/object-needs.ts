/**
 * Kubernetes and Argo CD semantics, one object at a time: what it needs before the API server
 * accepts it (namespace, CRD, answering admission webhooks, the namespace's quota) and what it
 * needs to become healthy (built-in health of its kind, the objects and Terraform outputs it reads),
 * and what it gives the cluster once applied and once healthy.
 */
import { at, dict, isDict, list, num, str, type Dict } from '../engine/values.js';
import { groupOf } from './argo-sync-order.js';
import type { WebhookGuard } from './chart-records.js';
import { cap, need, type Need } from './needs.js';
import { certificateCovers, type NodeGroup, type TerraformFacts } from './terraform-facts.js';

export interface WebhookOwner extends WebhookGuard {
  app: string;
}

/** Environment-wide facts every object is judged against. */
export interface ClusterContext {
  terraform: TerraformFacts;
  /** AWS account of the environment (ECR images of this account need their repository). */
  accountId: string | null;
  webhooks: WebhookOwner[];
  /** ResourceQuota `spec.hard` per namespace. */
  quotas: Map<string, Dict>;
  /** IRSA role name per `namespace/serviceAccount`. */
  irsaRoles: Map<string, string>;
  /** Karpenter NodePools: name, labels and hard taints of the nodes they launch. */
  nodePools: NodeGroup[];
  /** IngressClass name → controller. */
  ingressClasses: Map<string, string>;
}

export interface ObjectNeeds {
  apply: Need[];
  health: Need[];
  provides: string[];
  providesWhenHealthy: string[];
}

const CORE_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'apiextensions.k8s.io',
  'admissionregistration.k8s.io', 'apiregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io',
]);

export const terraformNeed = (present: boolean, what: string): Need[] => (present ? [] : [need(cap.missing(what), `${what} from Terraform, which this environment's Terraform does not create`)]);

function admissionNeeds(app: string, group: string, kind: string, ctx: ClusterContext): Need[] {
  return ctx.webhooks
    .filter((w) => w.app !== app && w.group === group && (w.kinds.includes('*') || w.kinds.includes(kind)))
    .map((w) => need(cap.webhook(w.app), `the admission webhook ${w.name} of ${w.app} to answer (it fails closed)`));
}

function quotaNeeds(object: Dict, namespace: string | null, ctx: ClusterContext): Need[] {
  const type = str(at(object, 'spec', 'type')) ?? 'ClusterIP';
  const hard = namespace ? ctx.quotas.get(namespace) : undefined;
  if (!hard) return [];
  const limits: [string, boolean][] = [
    ['services.nodeports', type === 'NodePort' || (type === 'LoadBalancer' && at(object, 'spec', 'allocateLoadBalancerNodePorts') !== false)],
    ['services.loadbalancers', type === 'LoadBalancer'],
  ];
  return limits
    .filter(([key, uses]) => uses && num(hard[key]) === 0)
    .map(([key]) => need(cap.missing(`quota ${namespace} ${key}`), `room for a ${type} Service in the quota of ${namespace}, which allows none (${key}: 0)`));
}

function tolerates(tolerations: unknown[], taint: NodeGroup['taints'][number]): boolean {
  return tolerations.some((t) => {
    const key = str(at(t, 'key'));
    const effect = str(at(t, 'effect'));
    if (effect && effect !== taint.effect) return false;
    if (str(at(t, 'operator')) === 'Exists') return key === undefined || key === taint.key;
    return key === taint.key && (str(at(t, 'value')) ?? '') === (taint.value ?? '');
  });
}

const fits = (pod: Dict, pool: NodeGroup) =>
  Object.entries(dict(pod.nodeSelector)).every(([k, v]) => pool.labels[k] === v) && pool.taints.every((taint) => tolerates(list(pod.tolerations), taint));

/** What a pod template needs to run: its service account and IRSA role, the Secrets and ConfigMaps it reads, its image, a node it tolerates. */
function podNeeds(kind: string, pod: Dict, namespace: string, ctx: ClusterContext): Need[] {
  const needs: Need[] = [];
  const sa = str(pod.serviceAccountName) ?? 'default';
  if (sa !== 'default') {
    needs.push(need(cap.object('ServiceAccount', namespace, sa), `ServiceAccount ${namespace}/${sa}`));
    const role = ctx.irsaRoles.get(`${namespace}/${sa}`);
    if (role) needs.push(...terraformNeed(ctx.terraform.iamRoles.has(role), `the IAM role ${role} (IRSA of ${namespace}/${sa})`));
  }
  const secret = (name: string) => need(cap.object('Secret', namespace, name), `Secret ${namespace}/${name}`);
  const configMap = (name: string) => need(cap.object('ConfigMap', namespace, name), `ConfigMap ${namespace}/${name}`);
  for (const volume of list(pod.volumes)) {
    const s = at(volume, 'secret');
    if (isDict(s) && s.optional !== true && str(s.secretName)) needs.push(secret(s.secretName as string));
    const c = at(volume, 'configMap');
    if (isDict(c) && c.optional !== true && str(c.name)) needs.push(configMap(c.name as string));
    for (const source of list(at(volume, 'projected', 'sources'))) {
      const ps = at(source, 'secret');
      if (isDict(ps) && ps.optional !== true && str(ps.name)) needs.push(secret(ps.name as string));
      const pc = at(source, 'configMap');
      if (isDict(pc) && pc.optional !== true && str(pc.name)) needs.push(configMap(pc.name as string));
    }
  }
  for (const container of [...list(pod.initContainers), ...list(pod.containers)]) {
    for (const from of list(at(container, 'envFrom'))) {
      const s = at(from, 'secretRef');
      if (isDict(s) && s.optional !== true && str(s.name)) needs.push(secret(s.name as string));
      const c = at(from, 'configMapRef');
      if (isDict(c) && c.optional !== true && str(c.name)) needs.push(configMap(c.name as string));
    }
    for (const env of list(at(container, 'env'))) {
      const s = at(env, 'valueFrom', 'secretKeyRef');
      if (isDict(s) && s.optional !== true && str(s.name)) needs.push(secret(s.name as string));
      const c = at(env, 'valueFrom', 'configMapKeyRef');
      if (isDict(c) && c.optional !== true && str(c.name)) needs.push(configMap(c.name as string));
    }
    const image = /^([0-9]{12})\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/([^:@]+)/.exec(str(at(container, 'image')) ?? '');
    if (image && image[1] === ctx.accountId) needs.push(...terraformNeed(ctx.terraform.ecrRepositories.has(image[2]!), `the ECR repository ${image[2]} (image of ${str(at(container, 'name'))})`));
  }
  for (const pull of list(pod.imagePullSecrets)) if (str(at(pull, 'name'))) needs.push(secret(str(at(pull, 'name'))!));
  // A DaemonSet only counts the nodes it tolerates; a Deployment or StatefulSet needs at least one.
  if (kind !== 'DaemonSet' && !ctx.terraform.nodeGroups.some((g) => fits(pod, g))) {
    const pools = ctx.nodePools.filter((p) => fits(pod, p));
    needs.push(
      pools.length > 0
        ? need(cap.healthy('NodePool', null, pools[0]!.name), `nodes of the Karpenter NodePool ${pools[0]!.name} (no managed node group matches its node selector and tolerations)`)
        : need(cap.missing(`nodes for ${namespace}`), 'a node matching its node selector and tolerating its taints (no node group or NodePool does)'),
    );
  }
  return needs;
}

function storageNeeds(storageClassName: string | undefined, ctx: ClusterContext): Need[] {
  return [
    storageClassName ? need(cap.storageClass(storageClassName), `StorageClass ${storageClassName}`) : need(cap.defaultStorageClass, 'a default StorageClass'),
    ...terraformNeed(ctx.terraform.eksAddons.has('aws-ebs-csi-driver'), 'the EKS add-on aws-ebs-csi-driver (provisions EBS volumes)'),
  ];
}

const ALB = 'alb.ingress.kubernetes.io';

function ingressNeeds(object: Dict, namespace: string | null, ctx: ClusterContext): Need[] {
  const className = str(at(object, 'spec', 'ingressClassName')) ?? str(at(object, 'metadata', 'annotations', 'kubernetes.io/ingress.class'));
  if (!className) return [need(cap.missing('ingress class'), 'an ingress class (none is named, and none is the default)')];
  const controller = ctx.ingressClasses.get(className);
  if (!controller) return [need(cap.object('IngressClass', null, className), `IngressClass ${className}`)];
  const needs = [need(cap.object('IngressClass', null, className), `IngressClass ${className}`), need(cap.controller(controller), `the ${controller} controller to give it a load-balancer address`)];
  // The controller builds target groups from the backend Services; a missing one fails the reconcile.
  const backends = list(at(object, 'spec', 'rules')).flatMap((r) => list(at(r, 'http', 'paths')).map((p) => str(at(p, 'backend', 'service', 'name'))));
  for (const service of [...new Set(backends.filter((b): b is string => b !== undefined))].sort())
    needs.push(need(cap.object('Service', namespace, service), `its backend Service ${namespace}/${service}`));
  const annotations = dict(at(object, 'metadata', 'annotations'));
  const https = /HTTPS/.test(str(annotations[`${ALB}/listen-ports`]) ?? '');
  if (controller === 'ingress.k8s.aws/alb' && https && !str(annotations[`${ALB}/certificate-arn`])) {
    // The controller discovers ACM certificates by host; without one the HTTPS listener, and so the ALB, is never built.
    const hosts = [...list(at(object, 'spec', 'rules')).map((r) => str(at(r, 'host'))), ...list(at(object, 'spec', 'tls')).flatMap((t) => list(at(t, 'hosts')).map(str))];
    for (const host of [...new Set(hosts.filter((h): h is string => h !== undefined))].sort())
      needs.push(...terraformNeed(ctx.terraform.certificateDomains.some((d) => certificateCovers(d, host)), `an ACM certificate for ${host}`));
  }
  return needs;
}

export function objectNeeds(app: string, object: Dict, namespace: string | null, ctx: ClusterContext): ObjectNeeds {
  const kind = str(object.kind) ?? '';
  const group = groupOf(str(object.apiVersion) ?? '');
  const name = str(at(object, 'metadata', 'name')) ?? '';
  const spec = dict(object.spec);
  const apply: Need[] = [];
  const health: Need[] = [];
  const provides = [cap.object(kind, namespace, name)];
  const providesWhenHealthy = [cap.healthy(kind, namespace, name)];

  if (namespace !== null) apply.push(need(cap.namespace(namespace), `namespace ${namespace}`));
  if (!CORE_GROUPS.has(group)) apply.push(need(cap.crd(group, kind), `the CRD of ${kind}.${group}`));
  apply.push(...admissionNeeds(app, group, kind, ctx));

  switch (kind) {
    case 'Namespace':
      provides.push(cap.namespace(name));
      break;
    case 'CustomResourceDefinition':
      provides.push(cap.crd(str(spec.group) ?? '', str(at(spec, 'names', 'kind')) ?? ''));
      break;
    case 'StorageClass':
      provides.push(cap.storageClass(name));
      if (at(object, 'metadata', 'annotations', 'storageclass.kubernetes.io/is-default-class') === 'true') provides.push(cap.defaultStorageClass);
      break;
    case 'Service':
      apply.push(...quotaNeeds(object, namespace, ctx));
      if (str(spec.type) === 'LoadBalancer' && str(spec.loadBalancerClass) === 'service.k8s.aws/nlb')
        health.push(need(cap.controller('service.k8s.aws/nlb'), 'the AWS Load Balancer Controller to give it an address'));
      break;
    case 'Ingress':
      health.push(...ingressNeeds(object, namespace, ctx));
      break;
    case 'PersistentVolumeClaim':
      health.push(...storageNeeds(str(spec.storageClassName), ctx));
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'CronJob': {
      const template = kind === 'CronJob' ? at(spec, 'jobTemplate', 'spec', 'template', 'spec') : at(spec, 'template', 'spec');
      health.push(...podNeeds(kind, dict(template), namespace ?? 'default', ctx));
      for (const claim of list(spec.volumeClaimTemplates)) health.push(...storageNeeds(str(at(claim, 'spec', 'storageClassName')), ctx));
      break;
    }
    case 'HorizontalPodAutoscaler': {
      const target = dict(spec.scaleTargetRef);
      if (str(target.kind) && str(target.name)) health.push(need(cap.object(str(target.kind)!, namespace, str(target.name)!), `its target ${str(target.kind)}/${str(target.name)}`));
      const types = new Set(list(spec.metrics).map((m) => str(at(m, 'type'))));
      if (types.size === 0 || types.has('Resource') || types.has('ContainerResource')) health.push(need(cap.apiService('metrics.k8s.io'), 'the resource metrics API (metrics-server)'));
      if (types.has('Pods') || types.has('Object')) health.push(need(cap.apiService('custom.metrics.k8s.io'), 'the custom metrics API (prometheus-adapter)'));
      if (types.has('External')) health.push(need(cap.apiService('external.metrics.k8s.io'), 'the external metrics API'));
      break;
    }
    case 'SecretStore':
    case 'ClusterSecretStore': {
      health.push(need(cap.controller('external-secrets.io'), 'the External Secrets Operator'));
      const ref = dict(at(spec, 'provider', 'aws', 'auth', 'jwt', 'serviceAccountRef'));
      const saNamespace = str(ref.namespace) ?? namespace;
      if (str(ref.name) && saNamespace) {
        health.push(need(cap.object('ServiceAccount', saNamespace, str(ref.name)!), `ServiceAccount ${saNamespace}/${str(ref.name)}`));
        const role = ctx.irsaRoles.get(`${saNamespace}/${str(ref.name)}`);
        if (role) health.push(...terraformNeed(ctx.terraform.iamRoles.has(role), `the IAM role ${role}`));
      }
      break;
    }
    case 'ExternalSecret': {
      const store = dict(spec.secretStoreRef);
      const storeKind = str(store.kind) ?? 'SecretStore';
      // Without a store reference every entry comes from a generator (sourceRef): no store is read.
      if (str(store.name)) health.push(need(cap.healthy(storeKind, storeKind === 'ClusterSecretStore' ? null : namespace, str(store.name)!), `${storeKind} ${str(store.name)} to be ready`));
      const keys = [...list(spec.data).map((d) => str(at(d, 'remoteRef', 'key'))), ...list(spec.dataFrom).map((d) => str(at(d, 'extract', 'key')))];
      for (const key of [...new Set(keys.filter((k): k is string => k !== undefined))])
        health.push(...terraformNeed(ctx.terraform.secrets.has(key), `the Secrets Manager secret ${key}`));
      for (const generator of list(spec.dataFrom).map((d) => dict(at(d, 'sourceRef', 'generatorRef'))).filter((g) => str(g.kind)))
        health.push(need(cap.object(str(generator.kind)!, namespace, str(generator.name) ?? ''), `${str(generator.kind)} ${str(generator.name)}`));
      providesWhenHealthy.push(cap.object('Secret', namespace, str(at(spec, 'target', 'name')) ?? name));
      break;
    }
    case 'Issuer':
    case 'ClusterIssuer': {
      health.push(need(cap.controller('cert-manager.io'), 'cert-manager'));
      for (const solver of list(at(spec, 'acme', 'solvers'))) {
        for (const zone of list(at(solver, 'selector', 'dnsZones')).map(str).filter((z): z is string => z !== undefined))
          if (at(solver, 'dns01', 'route53')) health.push(...terraformNeed(ctx.terraform.zones.has(zone), `the Route 53 zone ${zone}`));
      }
      break;
    }
    case 'Certificate': {
      const issuer = dict(spec.issuerRef);
      const issuerKind = str(issuer.kind) ?? 'Issuer';
      health.push(need(cap.healthy(issuerKind, issuerKind === 'ClusterIssuer' ? null : namespace, str(issuer.name) ?? ''), `${issuerKind} ${str(issuer.name)} to be ready`));
      providesWhenHealthy.push(cap.object('Secret', namespace, str(spec.secretName) ?? name));
      break;
    }
    case 'NodePool':
      health.push(need(cap.controller('karpenter.sh'), 'Karpenter'));
      if (str(at(spec, 'template', 'spec', 'nodeClassRef', 'name')))
        health.push(need(cap.healthy('EC2NodeClass', null, str(at(spec, 'template', 'spec', 'nodeClassRef', 'name'))!), `EC2NodeClass ${str(at(spec, 'template', 'spec', 'nodeClassRef', 'name'))}`));
      break;
    case 'EC2NodeClass': {
      health.push(need(cap.controller('karpenter.sh'), 'Karpenter'));
      const role = str(spec.role);
      if (role) health.push(...terraformNeed(ctx.terraform.iamRoles.has(role), `the node IAM role ${role}`));
      break;
    }
    case 'ClusterPolicy':
    case 'Policy':
      health.push(need(cap.controller('kyverno.io'), 'Kyverno'));
      break;
    default:
      break;
  }
  return { apply, health, provides, providesWhenHealthy };
}
