import { describe, expect, it } from 'vitest';
import { nameProblem, type NameKind } from './name-rules.js';

describe('names AWS and Kubernetes accept', () => {
  it.each<[NameKind, string]>([
    ['iam-role', 'platform-prod-irsa-data-collector'],
    ['iam-role', 'a'.repeat(64)],
    ['s3-bucket', 'platform-prod-raw-333333333333'],
    ['rds-identifier', 'platform-prod-postgres-3'],
    ['elasticache-replication-group', 'a'.repeat(40)],
    ['msk-cluster', 'platform-prod'],
    ['load-balancer', 'k8s-platform-apigatew-0123456789'],
    ['target-group', 'a'.repeat(32)],
    ['k8s-service', 'api-gateway'],
    ['k8s-label-value', ''],
    ['k8s-dns-subdomain', 'dashboard-api.gateway'],
  ])('%s accepts %s', (kind, name) => expect(nameProblem(kind, name)).toBeUndefined());

  it.each<[NameKind, string, RegExp]>([
    ['iam-role', 'a'.repeat(65), /is 65 characters; at most 64/],
    ['iam-role', 'role with space', /invalid/],
    ['s3-bucket', 'a'.repeat(64), /at most 63/],
    ['s3-bucket', 'Platform-Raw', /invalid/],
    ['s3-bucket', 'raw..data', /two adjacent dots/],
    ['s3-bucket', '192.168.1.10', /IP address/],
    ['s3-bucket', 'xn--raw-data', /prefix S3 reserves/],
    ['s3-bucket', 'raw-data-s3alias', /suffix S3 reserves/],
    ['rds-identifier', '1-postgres', /invalid/],
    ['rds-identifier', 'platform--postgres', /two consecutive hyphens/],
    ['rds-identifier', 'a'.repeat(64), /at most 63/],
    ['elasticache-replication-group', 'a'.repeat(41), /at most 40/],
    ['msk-cluster', 'a'.repeat(65), /at most 64/],
    ['load-balancer', 'a'.repeat(33), /at most 32/],
    ['load-balancer', 'internal-edge', /internal-/],
    ['target-group', 'edge-', /invalid/],
    ['k8s-service', '1edge', /DNS-1035/],
    ['k8s-dns-label', 'a'.repeat(64), /at most 63/],
    ['k8s-label-value', '-edge', /invalid/],
  ])('%s refuses %s', (kind, name, why) => expect(nameProblem(kind, name)).toMatch(why));
});
