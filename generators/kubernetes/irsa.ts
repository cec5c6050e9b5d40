/** IAM roles for service accounts: the annotation EKS reads, and the role Terraform creates for a name. */
import type { ResolvedEnvironment } from '../model/types.js';
import { naming } from '../naming.js';

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** `name` is a service or an AWS_IDENTITIES key. */
export function irsaAnnotations(env: ResolvedEnvironment, name: string): Record<string, string> {
  return { [IRSA_ANNOTATION]: naming.roleArn(env.aws.accountId, naming.irsaRoleName(env.name, name)) };
}
