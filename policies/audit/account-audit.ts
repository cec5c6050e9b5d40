/**
 * Shared by the audit rules: where an environment's findings go when it has no trail or detector,
 * and whether it reads its account's audit from the environment that owns it.
 */
import type { TerraformEnvironment } from '../engine/terraform.js';
import { at, str } from '../engine/values.js';

/** The remote-state read (generators/terraform/observability/audit) of the environment that owns the account's audit. */
export const ACCOUNT_AUDIT_STATE = 'account_audit';

/** The stack an account-level finding is reported in: the observability stack, else the first stack. */
export function auditFile(terraform: TerraformEnvironment): string | undefined {
  return (terraform.stacks.find((s) => s.name === 'observability') ?? terraform.stacks[0])?.file;
}

/** Whether the environment reads its account's audit from another environment's observability state. */
export function readsAccountAudit(terraform: TerraformEnvironment): boolean {
  return terraform
    .dataSources('terraform_remote_state')
    .some((d) => d.name === ACCOUNT_AUDIT_STATE && /\/observability\/terraform\.tfstate$/.test(str(at(d.attrs, 'config', 'key')) ?? ''));
}
