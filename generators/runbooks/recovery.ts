/**
 * The runbook's recovery sections, with every name, ARN and region filled from the model: restore a
 * namespace from Velero, restore Aurora to a point in time and re-point the services, recover the
 * Terraform state, rebuild the cluster from Git. The objectives table states the RPO/RTO the
 * environment promises and how each is met (TF-017 checks the RPO side).
 */
import { PLATFORM_NAMESPACES, RECOVERY_COMPONENTS, type RecoveryComponent } from '../../environments/types.js';
import type { ResolvedEnvironment } from '../model/types.js';
import { AWS_IDENTITIES, naming, TERRAFORM_STACKS } from '../naming.js';
import { blocks, heading, shell, table } from './markdown.js';

const APPS = naming.namespaces.apps;
const VELERO_NAMESPACE = AWS_IDENTITIES.velero.namespace;
/** The chart names a Schedule `<release>-<key>`; the platform's Velero schedule key is `daily`. */
const VELERO_SCHEDULE = 'velero-daily';

const HOW_MET: Record<RecoveryComponent, (env: ResolvedEnvironment) => string> = {
  kubernetes: (env) => `Velero schedule \`${VELERO_SCHEDULE}\` (namespaces ${PLATFORM_NAMESPACES.join(', ')}, volume snapshots) into \`${naming.veleroBucket(env.name, env.aws.accountId)}\`, kept ${env.database.backupRetentionDays} days; everything else is in Git`,
  database: (env) => `Aurora point-in-time recovery over ${env.database.backupRetentionDays} days of backups (restores to within 5 minutes)`,
  'data-lake': (env) => `versioned buckets ${env.dataLake.buckets.map((b) => `\`${naming.dataLakeBucket(env.name, b.name, env.aws.accountId)}\``).join(', ')}: an overwrite or delete is undone from the previous version`,
  'terraform-state': (env) => `versioned state bucket \`${naming.stateBucket(env.aws.accountId)}\`; every apply writes a new version`,
};

function objectives(env: ResolvedEnvironment): string {
  return blocks(
    heading(2, 'Recovery objectives'),
    table(
      ['component', 'RPO (minutes)', 'RTO (minutes)', 'how the RPO is met'],
      RECOVERY_COMPONENTS.map((c) => [c, String(env.recovery.objectives[c].rpoMinutes), String(env.recovery.objectives[c].rtoMinutes), HOW_MET[c](env)]),
    ),
    'The RPOs are checked by policy TF-017 on every synth; the RTOs are targets for the procedures below, not proven offline.',
    copiesText(env),
  );
}

function copiesText(env: ResolvedEnvironment): string {
  const region = env.recovery.copyRegions[0];
  if (region === undefined) return 'All copies live in the environment\'s region: these procedures recover from mistakes and lost resources, not from the loss of the region.';
  const replicas = [...env.dataLake.buckets.map((b) => naming.dataLakeBucket(env.name, b.name, env.aws.accountId)), naming.veleroBucket(env.name, env.aws.accountId)].map(
    (b) => `\`${naming.replicaBucket(b)}\``,
  );
  return `Copies in ${region} (\`recovery.copyRegions\`): S3 replication keeps ${replicas.join(', ')} current (their own KMS keys there), and AWS Backup copies Aurora's daily backup from vault \`${naming.auroraBackupVault(env.name, false)}\` to \`${naming.auroraBackupVault(env.name, true)}\` in ${region}. If ${env.aws.region} is lost, restore Aurora from the newest recovery point there (\`aws backup list-recovery-points-by-backup-vault --backup-vault-name ${naming.auroraBackupVault(env.name, true)} --region ${region}\`, then \`aws backup start-restore-job\`), and point Velero's backup location and the services at the replica buckets.`;
}

function beforeYouStart(env: ResolvedEnvironment): string {
  return blocks(
    heading(2, 'Before you start'),
    `Sign in with one of the platform team's roles (\`access.adminRoleArns\`): ${env.access.adminRoleArns.map((a) => `\`${a}\``).join(', ')}. Never use the Terraform role \`${env.aws.terraformRoleName}\`: only Atlantis assumes it.`,
    shell(`export AWS_REGION=${env.aws.region}`, `aws sts get-caller-identity   # account ${env.aws.accountId}`, `aws eks update-kubeconfig --name ${naming.clusterName(env.name)} --region ${env.aws.region}`),
  );
}

function veleroRestore(env: ResolvedEnvironment): string {
  return blocks(
    heading(2, 'Restore a namespace from Velero'),
    `Backups are named \`${VELERO_SCHEDULE}-<yyyyMMddHHmmss>\` in \`${naming.veleroBucket(env.name, env.aws.accountId)}\`. Argo CD recreates what Git describes; Velero brings back what Git does not (volumes, objects created at run time). Velero skips objects that still exist, so delete a broken object first, or restore into a new namespace with \`--namespace-mappings\`.`,
    shell(
      `velero backup get --namespace ${VELERO_NAMESPACE}`,
      `velero restore create --namespace ${VELERO_NAMESPACE} --from-backup ${VELERO_SCHEDULE}-<timestamp> \\`,
      `  --include-namespaces ${APPS} --wait`,
      `velero restore describe --namespace ${VELERO_NAMESPACE} <restore-name> --details`,
      '# A trial restore next to the live namespace:',
      `velero restore create --namespace ${VELERO_NAMESPACE} --from-backup ${VELERO_SCHEDULE}-<timestamp> \\`,
      `  --include-namespaces ${APPS} --namespace-mappings ${APPS}:${APPS}-restore --wait`,
    ),
  );
}

function auroraRestore(env: ResolvedEnvironment): string {
  const cluster = naming.postgresCluster(env.name);
  const restored = `${cluster}-pitr`;
  const prefix = naming.envPrefix(env.name);
  const readers = env.services.filter((s) => s.dependencies.database !== 'none').map((s) => s.name);
  return blocks(
    heading(2, 'Restore Aurora to a point in time and re-point the services'),
    `Services find the database through Secrets Manager: Terraform writes the AWS endpoint names to \`${naming.endpointSecret(env.name, 'postgres')}\` and \`${naming.endpointSecret(env.name, 'postgres-reader')}\`, and each service's ExternalSecret turns them into \`POSTGRES_HOST\`. Restore next to the live cluster, re-point the secrets, then (step 4) give the restored cluster the original identifier so Terraform owns it again.`,
    shell(
      `export AWS_REGION=${env.aws.region}`,
      `SG="$(aws rds describe-db-clusters --db-cluster-identifier ${cluster} --query 'DBClusters[0].VpcSecurityGroups[].VpcSecurityGroupId' --output text)"`,
      '# 1. Restore to the chosen second (UTC), into the same subnets, security group, parameter group and key.',
      `aws rds restore-db-cluster-to-point-in-time --source-db-cluster-identifier ${cluster} \\`,
      `  --db-cluster-identifier ${restored} --restore-to-time <yyyy-mm-ddThh:mm:ssZ> \\`,
      `  --db-subnet-group-name ${prefix}-postgres --vpc-security-group-ids $SG \\`,
      `  --db-cluster-parameter-group-name ${prefix}-postgres${env.database.engineVersion.split('.')[0]} \\`,
      `  --kms-key-id ${naming.kmsAlias(env.name, 'data')} --enable-iam-database-authentication --copy-tags-to-snapshot`,
      `aws rds create-db-instance --db-instance-identifier ${restored}-1 --db-cluster-identifier ${restored} \\`,
      `  --db-instance-class ${env.database.instanceClass} --engine aurora-postgresql --no-publicly-accessible`,
      `aws rds wait db-instance-available --db-instance-identifier ${restored}-1`,
      '# 2. Re-point the services.',
      `aws secretsmanager put-secret-value --secret-id ${naming.endpointSecret(env.name, 'postgres')} \\`,
      `  --secret-string "$(aws rds describe-db-clusters --db-cluster-identifier ${restored} --query 'DBClusters[0].Endpoint' --output text)"`,
      `aws secretsmanager put-secret-value --secret-id ${naming.endpointSecret(env.name, 'postgres-reader')} \\`,
      `  --secret-string "$(aws rds describe-db-clusters --db-cluster-identifier ${restored} --query 'DBClusters[0].ReaderEndpoint' --output text)"`,
      `kubectl annotate externalsecret --all -n ${APPS} force-sync="$(date +%s)" --overwrite`,
      ...readers.map((s) => `kubectl rollout restart deployment/${s} -n ${APPS}`),
      '# 3. Check the data. 4. Swap identifiers: the original endpoint names now lead to the restored cluster, so the',
      '#    secrets go back to them and Terraform owns the restored cluster under its usual identifier.',
      `aws rds modify-db-cluster --db-cluster-identifier ${cluster} --new-db-cluster-identifier ${cluster}-replaced --apply-immediately`,
      `aws rds modify-db-cluster --db-cluster-identifier ${restored} --new-db-cluster-identifier ${cluster} --apply-immediately`,
      `aws rds wait db-cluster-available --db-cluster-identifier ${cluster}`,
      `aws secretsmanager put-secret-value --secret-id ${naming.endpointSecret(env.name, 'postgres')} \\`,
      `  --secret-string "$(aws rds describe-db-clusters --db-cluster-identifier ${cluster} --query 'DBClusters[0].Endpoint' --output text)"`,
      `aws secretsmanager put-secret-value --secret-id ${naming.endpointSecret(env.name, 'postgres-reader')} \\`,
      `  --secret-string "$(aws rds describe-db-clusters --db-cluster-identifier ${cluster} --query 'DBClusters[0].ReaderEndpoint' --output text)"`,
      `kubectl annotate externalsecret --all -n ${APPS} force-sync="$(date +%s)" --overwrite`,
      ...readers.map((s) => `kubectl rollout restart deployment/${s} -n ${APPS}`),
      `# 5. Comment \`atlantis plan -p ${naming.atlantisProject(env.name, 'data')}\` on a pull request: the instances ${naming.postgresInstance(env.name, 1)}… now belong to`,
      `#    ${cluster}-replaced, so the plan recreates them in the restored cluster. Apply it, then delete the instance ${restored}-1`,
      `#    and, when no longer needed, ${cluster}-replaced${env.database.deletionProtection ? ' (turn its deletion protection off first)' : ''}.`,
    ),
  );
}

function stateRecovery(env: ResolvedEnvironment): string {
  const bucket = naming.stateBucket(env.aws.accountId);
  const key = naming.stateKey(env.name, 'data');
  return blocks(
    heading(2, 'Recover the Terraform state'),
    `Each stack's state is \`s3://${bucket}/<env>/<stack>/terraform.tfstate\` (stacks: ${TERRAFORM_STACKS.map((s) => s.name).join(', ')}), versioned and encrypted with \`${naming.stateKmsAlias}\`. A bad or deleted state object is recovered from an earlier version (here the data stack; replace the key for another):`,
    shell(
      `aws s3api list-object-versions --bucket ${bucket} --prefix ${key} \\`,
      "  --query '{versions: Versions[].[VersionId, LastModified, IsLatest], deleted: DeleteMarkers[].[VersionId, LastModified]}' --output table",
      '# Deleted: remove the delete marker and the previous version is current again.',
      `aws s3api delete-object --bucket ${bucket} --key ${key} --version-id <delete-marker-version-id>`,
      '# Corrupted: make an earlier version current again (a new version, nothing is lost).',
      `aws s3api copy-object --bucket ${bucket} --key ${key} --copy-source "${bucket}/${key}?versionId=<version-id>" \\`,
      `  --server-side-encryption aws:kms --ssekms-key-id ${naming.stateKmsAlias}`,
      '# A lock left behind by an interrupted run:',
      `aws s3 rm s3://${bucket}/${key}.tflock`,
    ),
    `If the bucket itself is gone, re-apply \`${naming.bootstrapDir(env.name)}\` (README "Once per account: the state bucket") and bring each stack back with \`terraform import\` of its resources in graph order; the bucket has \`prevent_destroy\`, and deleting a versioned bucket needs every version deleted first, so this takes deliberate effort.`,
  );
}

function rebuildCluster(env: ResolvedEnvironment): string {
  const cluster = naming.clusterName(env.name);
  return blocks(
    heading(2, 'Rebuild the cluster from Git'),
    `Everything in the cluster is generated into Git; data lives outside it (Aurora, Redis, MSK, S3) or in Velero backups.`,
    env.hostsPlatformTooling
      ? `This environment hosts Atlantis, which is lost with the cluster. Break-glass: the account administrators add their role to the trust policy of \`${env.aws.terraformRoleName}\` for the duration (through account vending, recorded in the incident), run \`terraform init && terraform apply\` in \`generated/terraform/${env.name}/cluster\`, and remove it again; Atlantis is back once its Application is Healthy.`
      : `Comment \`atlantis apply -p ${naming.atlantisProject(env.name, 'cluster')}\` on a pull request (Atlantis runs in the tooling environment), after \`atlantis plan -p ${naming.atlantisProject(env.name, 'cluster')}\`.`,
    shell(
      `aws eks wait cluster-active --name ${cluster} --region ${env.aws.region}`,
      `aws eks update-kubeconfig --name ${cluster} --region ${env.aws.region}`,
      `ENV=${env.name}`,
      '# The Argo CD bootstrap (README "Bootstrap an environment"):',
      'kubectl create namespace argocd',
      'helm template argo-cd argo-cd --repo https://argoproj.github.io/argo-helm \\',
      `  --version "$(awk '/targetRevision:/ {print $2}' ${naming.argocdApplicationFile(env.name, 'argo-cd')})" \\`,
      `  --namespace argocd --include-crds --values ${naming.argocdBootstrapValuesFile(env.name)} \\`,
      '  | kubectl apply --namespace argocd --server-side --force-conflicts -f -',
      `kubectl apply -f ${naming.argocdRootFile(env.name)}`,
      '# When the velero Application is Healthy, bring back what Git does not hold:',
      `velero restore create --namespace ${VELERO_NAMESPACE} --from-backup ${VELERO_SCHEDULE}-<timestamp> --include-namespaces ${naming.namespaces.data},${APPS} --wait`,
    ),
  );
}

export function recoverySections(env: ResolvedEnvironment): string {
  return blocks(objectives(env), beforeYouStart(env), veleroRestore(env), auroraRestore(env), stateRecovery(env), rebuildCluster(env));
}
