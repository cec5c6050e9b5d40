/**
 * TF-016: no human uses the Terraform role. The Terraform role is the role every stack's provider
 * assumes (`provider.aws[].assume_role[].role_arn`). No EKS access entry or access policy association
 * may name it, and where the generated Terraform declares that role, its trust policy admits only
 * Atlantis's IRSA role (`<prefix>-<env>-irsa-atlantis`) or a CI role (`…-ci`), never a wildcard,
 * an account root, an SSO role, a service or a federated identity.
 */
import type { TerraformBlock } from '../engine/terraform.js';
import type { Finding, Rule } from '../engine/types.js';
import { at, blocks, dict, isDict, list, str } from '../engine/values.js';
import { blockFinding } from './finding.js';

const ALLOWED_ASSUMER = /^arn:aws:iam::[0-9]{12}:role\/[A-Za-z0-9+=,.@_-]+-(irsa-atlantis|ci)$/;

/** Every role ARN a provider of the environment's stacks assumes. */
function terraformRoleArns(stacks: { json: Record<string, unknown> }[]): Set<string> {
  const arns = new Set<string>();
  for (const stack of stacks) {
    for (const provider of list(at(stack.json, 'provider', 'aws'))) {
      for (const assume of blocks(dict(provider).assume_role)) {
        const roleArn = str(assume.role_arn);
        if (roleArn) arns.add(roleArn);
      }
    }
  }
  return arns;
}

const roleName = (roleArn: string) => roleArn.slice(roleArn.lastIndexOf('/') + 1);

/** Principals of the Allow statements of a trust policy, as `<kind>:<value>`; undefined when it cannot be read. */
function trustedPrincipals(policy: unknown): string[] | undefined {
  if (typeof policy !== 'string') return undefined;
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch {
    return undefined;
  }
  const statements = dict(document).Statement;
  return (Array.isArray(statements) ? statements : [statements])
    .filter(isDict)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => {
      if (s.Principal === '*' || s.NotPrincipal !== undefined) return ['*:*'];
      return Object.entries(dict(s.Principal)).flatMap(([kind, values]) => (Array.isArray(values) ? values : [values]).map((v) => `${kind}:${String(v)}`));
    });
}

function trustProblems(role: TerraformBlock): Finding[] {
  const principals = trustedPrincipals(role.attrs.assume_role_policy);
  if (principals === undefined) return [blockFinding(role, 'the Terraform role\'s trust policy cannot be read, so it cannot be shown to admit only Atlantis')];
  const others = principals.filter((p) => !(p.startsWith('AWS:') && ALLOWED_ASSUMER.test(p.slice(4))));
  return others.map((p) => blockFinding(role, `the Terraform role trusts ${p}; only Atlantis's IRSA role (or the CI role) may assume it`));
}

export const terraformRoleUnusedByHumans: Rule = {
  id: 'TF-016',
  severity: 'error',
  area: 'terraform',
  title: 'No human uses the Terraform role',
  checks:
    'The role the stacks\' providers assume gets no `aws_eks_access_entry` or `aws_eks_access_policy_association`; an `aws_iam_role` declaring it trusts only role ARNs ending in `-irsa-atlantis` or `-ci` (no `*`, account roots, SSO roles, services or federated principals).',
  why: 'The Terraform role can change everything in the account; if people can assume it, changes bypass review, plan and the audit trail of pull requests.',
  fix: 'Give people their own SSO role in `access.adminRoleArns` / `access.readOnlyRoleArns`; remove the Terraform role from access entries and other principals from its trust policy.',
  check: ({ terraform }) => {
    const arns = terraformRoleArns(terraform.stacks);
    const names = new Set([...arns].map(roleName));
    return [
      ...terraform
        .resources('aws_eks_access_entry', 'aws_eks_access_policy_association')
        .filter((b) => {
          const principal = str(b.attrs.principal_arn);
          return principal !== undefined && arns.has(principal);
        })
        .map((b) => blockFinding(b, `maps the Terraform role ${str(b.attrs.principal_arn)!} into the cluster; only humans' SSO roles get access entries`)),
      ...terraform
        .resources('aws_iam_role')
        .filter((r) => names.has(str(r.attrs.name) ?? ''))
        .flatMap(trustProblems),
    ];
  },
};
