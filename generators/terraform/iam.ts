/**
 * IAM and KMS policy documents as JSON strings. References to other resources (`${aws_x.y.arn}`)
 * stay inside the string as Terraform interpolations, so the generated file shows the policy as
 * plain JSON and tests can parse every statement. Policies are built from typed statements only.
 */
export interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource?: string[] | string;
  Principal?: Record<string, string | string[]>;
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export function policyDocument(statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export function assumeRoleByService(service: string): string {
  return policyDocument([{ Sid: 'AssumeByService', Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: service } }]);
}

/** The cluster's OIDC provider as IRSA trust policies need it. */
export interface OidcProvider {
  arn: string;
  /** Issuer without `https://`, the prefix of the `:sub` and `:aud` condition keys. */
  issuerHost: string;
}

/** Kubernetes service account an IRSA role trusts. */
export interface ServiceAccountRef {
  namespace: string;
  serviceAccount: string;
}

export const serviceAccountSubject = (sa: ServiceAccountRef) => `system:serviceaccount:${sa.namespace}:${sa.serviceAccount}`;

/** Trusts exactly one service account of the cluster, and only for tokens minted for STS. */
export function irsaTrustPolicy(oidc: OidcProvider, sa: ServiceAccountRef): string {
  return policyDocument([
    {
      Sid: 'AssumeFromServiceAccount',
      Effect: 'Allow',
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Principal: { Federated: oidc.arn },
      Condition: {
        StringEquals: {
          [`${oidc.issuerHost}:sub`]: serviceAccountSubject(sa),
          [`${oidc.issuerHost}:aud`]: 'sts.amazonaws.com',
        },
      },
    },
  ]);
}

/** Key policy: the account administers the key through IAM; extra statements grant services. */
export function keyPolicy(accountId: string, extra: Statement[]): string {
  return policyDocument([
    {
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Action: ['kms:*'],
      Resource: '*',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    },
    ...extra,
  ]);
}

/** The data-key operations a principal needs to read and write through a service that encrypts with the key. */
export const KMS_USE_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'];

/** Lets a principal use a key only through one AWS service (S3, Secrets Manager, …) of the region. */
export function kmsViaService(sid: string, keyArn: string | string[], service: string, region: string, actions = KMS_USE_ACTIONS): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: keyArn,
    Condition: { StringEquals: { 'kms:ViaService': `${service}.${region}.amazonaws.com` } },
  };
}

/** Refuses every request to a resource that does not arrive over TLS (bucket, queue and topic policies). */
export function denyInsecureTransport(actions: string[], resources: string[]): Statement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: actions,
    Resource: resources,
    Condition: { Bool: { 'aws:SecureTransport': false } },
  };
}

export const arn = {
  s3Bucket: (bucket: string) => `arn:aws:s3:::${bucket}`,
  s3Objects: (bucket: string) => `arn:aws:s3:::${bucket}/*`,
  secret: (region: string, accountId: string, name: string) => `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}`,
  /** Any KMS key of the account; narrowed by conditions (kms:ResourceAliases, kms:ViaService). */
  anyKey: (region: string, accountId: string) => `arn:aws:kms:${region}:${accountId}:key/*`,
  hostedZone: (zoneId: string) => `arn:aws:route53:::hostedzone/${zoneId}`,
  managedPolicy: (name: string) => `arn:aws:iam::aws:policy/${name}`,
};
