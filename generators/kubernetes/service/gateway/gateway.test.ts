/** The gateway's extras: nginx.conf from the routes and rate limit, API keys from Secrets Manager, the ALB Ingress. */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../chart.js';
import { environmentWith, minimalService, service } from '../../test-fixtures.js';
import { serviceManifests } from '../index.js';

const gateway = service({
  name: 'edge',
  kind: 'gateway',
  probes: { startupPath: '/healthz', readinessPath: '/readyz', livenessPath: '/healthz' },
  rateLimit: { requestsPerSecond: 10, burst: 30 },
  dependencies: { ...minimalService.dependencies, secrets: ['api-keys'], calls: ['orders'] },
});
const orders = service({ name: 'orders', port: 9000, routes: [{ pathPrefix: '/v1/orders' }, { pathPrefix: '/v1/carts' }] });

const env = environmentWith([gateway, orders]);
const manifests = serviceManifests(env, env.services.find((s) => s.name === 'edge')!);
const find = (kind: string, name = 'edge') => manifests.find((m) => m.kind === kind && m.metadata.name === name) as Manifest;

describe('a gateway', () => {
  it('renders nginx.conf: API-key check, per-client rate limit, one location per route of the services it calls', () => {
    const location = (path: string) => [
      `    location ${path} {`,
      '      if ($api_client = "") { return 401; }',
      '      limit_req zone=per_client burst=30 nodelay;',
      '      proxy_pass http://orders;',
      '      proxy_http_version 1.1;',
      '      proxy_set_header Connection "";',
      '      proxy_set_header Host $host;',
      '      proxy_set_header X-Request-Id $request_id;',
      '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      '      proxy_set_header X-Api-Client $api_client;',
      '      proxy_set_header X-Api-Key "";',
      '    }',
    ];
    const expected = [
      'worker_processes auto;',
      'pid /tmp/nginx.pid;',
      'error_log /dev/stderr warn;',
      '',
      'events {',
      '  worker_connections 1024;',
      '}',
      '',
      'http {',
      '  client_body_temp_path /tmp/client_body;',
      '  proxy_temp_path /tmp/proxy;',
      '  fastcgi_temp_path /tmp/fastcgi;',
      '  uwsgi_temp_path /tmp/uwsgi;',
      '  scgi_temp_path /tmp/scgi;',
      '  server_tokens off;',
      '  access_log /dev/stdout combined;',
      '  client_max_body_size 10m;',
      '',
      '  # API key -> client name; the map is rendered from Secrets Manager by the External Secrets Operator.',
      '  map $http_x_api_key $api_client {',
      '    default "";',
      '    include /etc/nginx/api-keys/api-keys.map;',
      '  }',
      '',
      '  # 10 requests/s per API client and gateway replica, bursts of 30.',
      '  limit_req_zone $api_client zone=per_client:10m rate=10r/s;',
      '  limit_req_status 429;',
      '',
      '  upstream orders {',
      '    server orders.platform-apps.svc.cluster.local:80;',
      '    keepalive 16;',
      '  }',
      '',
      '  server {',
      '    listen 8080;',
      '    location = /healthz { access_log off; default_type text/plain; return 200 "ok\\n"; }',
      '    location = /readyz { access_log off; default_type text/plain; return 200 "ok\\n"; }',
      '    include /etc/nginx/snippets/*.conf;',
      ...location('/v1/carts'),
      ...location('/v1/orders'),
      '    location / { return 404; }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(find('ConfigMap', 'edge-nginx').data).toStrictEqual({ 'nginx.conf': expected });
  });

  it('gets its API keys as an nginx map rendered by the External Secrets Operator, never in Git', () => {
    expect(find('ExternalSecret', 'edge-api-keys').spec).toStrictEqual({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
      dataFrom: [{ extract: { key: 'platform/dev/edge/api-keys' } }],
      target: {
        name: 'edge-api-keys',
        creationPolicy: 'Owner',
        deletionPolicy: 'Retain',
        template: { engineVersion: 'v2', data: { 'api-keys.map': '{{- range $client, $key := . }}\n{{ $key | quote }} {{ $client | quote }};\n{{- end }}\n' } },
      },
    });
    // The API keys are not also fetched into the generic service secret.
    expect(manifests.filter((m) => m.kind === 'ExternalSecret').map((m) => m.metadata.name)).toStrictEqual(['edge-api-keys']);
  });

  it('mounts nginx.conf and the key map read-only', () => {
    const spec = (find('Deployment').spec as any).template.spec;
    expect(spec.containers[0].volumeMounts).toStrictEqual([
      { mountPath: '/tmp', name: 'tmp' },
      { mountPath: '/etc/nginx/nginx.conf', name: 'nginx-config', readOnly: true, subPath: 'nginx.conf' },
      { mountPath: '/etc/nginx/api-keys', name: 'api-keys', readOnly: true },
    ]);
    expect(spec.volumes).toContainEqual({ configMap: { name: 'edge-nginx' }, name: 'nginx-config' });
    expect(spec.volumes).toContainEqual({ secret: { secretName: 'edge-api-keys' }, name: 'api-keys' });
  });

  it('is exposed by an HTTPS-only, internet-facing ALB on api.<domain>', () => {
    expect(find('Ingress')).toStrictEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'edge',
        namespace: 'platform-apps',
        labels: expect.any(Object),
        annotations: {
          'alb.ingress.kubernetes.io/backend-protocol': 'HTTP',
          'alb.ingress.kubernetes.io/healthcheck-path': '/readyz',
          'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]',
          'alb.ingress.kubernetes.io/load-balancer-attributes': 'routing.http.drop_invalid_header_fields.enabled=true',
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/ssl-policy': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
          'alb.ingress.kubernetes.io/tags': 'environment=dev,service=edge',
          'alb.ingress.kubernetes.io/target-type': 'ip',
        },
      },
      spec: {
        ingressClassName: 'alb',
        tls: [{ hosts: ['api.dev.platform.acme.example'] }],
        rules: [
          {
            host: 'api.dev.platform.acme.example',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'edge', port: { name: 'http' } } } }] },
          },
        ],
      },
    });
  });

  it('accepts traffic from the load balancer subnets and sends it only to the services it calls', () => {
    const tcp = (port: number) => [{ port, protocol: 'TCP' }];
    expect(find('NetworkPolicy').spec).toStrictEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'edge' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ ipBlock: { cidr: '10.10.0.0/24' } }, { ipBlock: { cidr: '10.10.1.0/24' } }], ports: tcp(8080) }],
      egress: [{ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'orders' } } }], ports: tcp(9000) }],
    });
  });
});
