/** Atlantis (in the environment that hosts the platform tooling): may only assume each environment's Terraform role. */
import type { Statement } from '../../iam.js';

export function atlantisStatements(terraformRoleArns: string[]): Statement[] {
  return [{ Sid: 'AssumeTerraformRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: terraformRoleArns }];
}
