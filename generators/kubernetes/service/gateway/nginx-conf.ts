/**
 * The gateway's nginx.conf: API-key check, per-client rate limit, one upstream per routed service.
 * Written for a non-root nginx with a read-only root file system (pid and temp files under /tmp).
 */
import { serviceUrl, type ServiceContext } from '../context.js';
import type { GatewayRoute } from './routes.js';

export const NGINX_CONF_PATH = '/etc/nginx/nginx.conf';
export const API_KEYS_DIR = '/etc/nginx/api-keys';
export const API_KEYS_FILE = 'api-keys.map';
/** Locations the gateway image adds itself, such as its Prometheus `/metrics` endpoint. */
export const IMAGE_SNIPPETS = '/etc/nginx/snippets/*.conf';
export const API_KEY_HEADER = 'X-Api-Key';

const header = (name: string) => `$http_${name.toLowerCase().replace(/-/g, '_')}`;
const upstreamHost = (service: string) => serviceUrl(service).replace(/^http:\/\//, '');

function upstreams(routes: GatewayRoute[]): string[] {
  const services = [...new Set(routes.map((r) => r.service))].sort();
  return services.flatMap((service) => [`  upstream ${service} {`, `    server ${upstreamHost(service)};`, '    keepalive 16;', '  }', '']);
}

function healthLocations(ctx: ServiceContext): string[] {
  const { startupPath, readinessPath, livenessPath } = ctx.service.probes;
  const paths = [...new Set([startupPath, readinessPath, livenessPath])].sort();
  return paths.map((path) => `    location = ${path} { access_log off; default_type text/plain; return 200 "ok\\n"; }`);
}

function routeLocation(route: GatewayRoute, burst: number): string[] {
  return [
    `    location ${route.pathPrefix} {`,
    '      if ($api_client = "") { return 401; }',
    `      limit_req zone=per_client burst=${burst} nodelay;`,
    `      proxy_pass http://${route.service};`,
    '      proxy_http_version 1.1;',
    '      proxy_set_header Connection "";',
    '      proxy_set_header Host $host;',
    '      proxy_set_header X-Request-Id $request_id;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_set_header X-Api-Client $api_client;',
    // The key stops here: upstream services see the client name, never the key.
    `      proxy_set_header ${API_KEY_HEADER} "";`,
    '    }',
  ];
}

export function nginxConf(ctx: ServiceContext, routes: GatewayRoute[]): string {
  const { service } = ctx;
  const rateLimit = service.rateLimit;
  if (!rateLimit) throw new Error(`${service.file}: a gateway needs a rate limit`);
  const lines = [
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
    `  # API key -> client name; the map is rendered from Secrets Manager by the External Secrets Operator.`,
    `  map ${header(API_KEY_HEADER)} $api_client {`,
    '    default "";',
    `    include ${API_KEYS_DIR}/${API_KEYS_FILE};`,
    '  }',
    '',
    `  # ${rateLimit.requestsPerSecond} requests/s per API client and gateway replica, bursts of ${rateLimit.burst}.`,
    `  limit_req_zone $api_client zone=per_client:10m rate=${rateLimit.requestsPerSecond}r/s;`,
    '  limit_req_status 429;',
    '',
    ...upstreams(routes),
    '  server {',
    `    listen ${service.port};`,
    ...healthLocations(ctx),
    `    include ${IMAGE_SNIPPETS};`,
    ...routes.flatMap((route) => routeLocation(route, rateLimit.burst)),
    '    location / { return 404; }',
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
