/** TF-006: no IAM statement allows every action on every resource. */
import type { Finding, Rule } from '../engine/types.js';
import { strings } from '../engine/values.js';
import { blockFinding } from './finding.js';
import { policyDocuments, type PolicyStatement } from './policy-documents.js';

const ADMIN_POLICIES = ['arn:aws:iam::aws:policy/AdministratorAccess'];
const ATTACHMENT_TYPES = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'];

const ANY_ACTION = ['*', '*:*'];
/** Allow on every action (or everything but a few, NotAction) and every resource (or NotResource). */
function isAdmin(s: PolicyStatement): boolean {
  const allActions = s.actions.some((a) => ANY_ACTION.includes(a)) || s.notActions.length > 0;
  const allResources = s.resources.includes('*') || s.notResources.length > 0;
  return s.effect === 'Allow' && allActions && allResources;
}

export const noAdminIam: Rule = {
  id: 'TF-006',
  severity: 'error',
  area: 'terraform',
  title: 'No IAM statement allowing * on *',
  checks:
    'No policy document (JSON string, `jsonencode(...)`, or `aws_iam_policy_document`) has an Allow statement on all actions (`*`, or `NotAction`) and all resources (`*`, or `NotResource`); no AdministratorAccess attachment; every policy document can be read (an unreadable one fails, since it cannot be checked).',
  why: 'A wildcard grant turns any leaked credential or SSRF in the holder into full control of the account; least privilege limits the blast radius to what the workload does.',
  fix: 'List the actions the workload calls and the ARNs it touches (the naming contract computes them).',
  check: ({ terraform }) => {
    const documents = policyDocuments(terraform).flatMap((doc): Finding[] => {
      if ('invalid' in doc) return [blockFinding(doc.block, `${doc.attribute} cannot be analysed (${doc.invalid}); write it as JSON or jsonencode of a literal object`)];
      return doc.statements.filter(isAdmin).map((s) => blockFinding(doc.block, `${doc.attribute}: statement ${s.sid ?? '(no Sid)'} allows all actions on all resources`));
    });
    const attachments = [...terraform.resources(...ATTACHMENT_TYPES), ...terraform.resources('aws_iam_role')]
      .filter((b) => [...strings(b.attrs.policy_arn), ...strings(b.attrs.managed_policy_arns)].some((arn) => ADMIN_POLICIES.includes(arn)))
      .map((b) => blockFinding(b, 'attaches AdministratorAccess'));
    return [...documents, ...attachments];
  },
};
