import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverEnvironmentFiles } from '../sources.js';
import { newEnvironmentSource, renamed, type Identity } from './environment-source.js';

const original = `import type { Environment } from './types.js';

/** Staging: the last stop before prod. */
export const staging: Environment = {
  name: 'staging',
  tier: 'pre-production',
  /** Promotion order: dev → staging → prod. */
  promotesFrom: 'dev',
  aws: {
    accountId: '222222222222',
    region: 'eu-west-1',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    terraformRoleName: 'platform-terraform',
  },
  owners: { team: '@acme/platform', reviewers: [], costCenter: 'cc-staging', alertEmail: 'staging@acme.example' },
  domain: 'staging.acme.example',
  network: {
    vpcCidr: '10.20.0.0/16',
    subnets: {
      public: ['10.20.0.0/24', '10.20.1.0/24'],
      private: ['10.20.16.0/20', '10.20.32.0/20'],
      database: ['10.20.64.0/24', '10.20.65.0/24'],
    },
  },
  database: { deletionProtection: false },
  access: { adminRoleArns: ['arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_1'], readOnlyRoleArns: [] },
  hostsPlatformTooling: true,
};
`;

const id: Identity = {
  name: 'prod-us',
  from: 'staging',
  promotesFrom: 'staging',
  accountId: '555555555555',
  fromAccountId: '222222222222',
  region: 'us-east-1',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  vpcCidr: '10.50.0.0/16',
  subnets: { public: ['10.50.0.0/24', '10.50.1.0/24'], private: ['10.50.16.0/20', '10.50.32.0/20'], database: ['10.50.64.0/24', '10.50.65.0/24'] },
  domain: 'prod-us.acme.example',
  costCenter: 'cc-prod-us',
  alertEmail: 'prod-us@acme.example',
};

describe('the text of a new environment file', () => {
  it('replaces exactly the identity fields and keeps everything else', () => {
    const { text, missing } = newEnvironmentSource(original, id);
    expect(missing).toEqual([]);
    expect(text).toBe(`import type { Environment } from './types.js';

/** prod-us: copied from staging by \`pnpm new-env\` (account 555555555555, us-east-1); say here what it is for. */
export const prodUs: Environment = {
  name: 'prod-us',
  tier: 'pre-production',
  /** Promotion order: receives what staging runs. */
  promotesFrom: 'staging',
  aws: {
    accountId: '555555555555',
    region: 'us-east-1',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    terraformRoleName: 'platform-terraform',
  },
  owners: { team: '@acme/platform', reviewers: [], costCenter: 'cc-prod-us', alertEmail: 'prod-us@acme.example' },
  domain: 'prod-us.acme.example',
  network: {
    vpcCidr: '10.50.0.0/16',
    subnets: {
      public: ['10.50.0.0/24', '10.50.1.0/24'],
      private: ['10.50.16.0/20', '10.50.32.0/20'],
      database: ['10.50.64.0/24', '10.50.65.0/24'],
    },
  },
  database: { deletionProtection: false },
  access: { adminRoleArns: ['arn:aws:iam::555555555555:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_1'], readOnlyRoleArns: [] },
  hostsPlatformTooling: false,
};
`);
  });

  it('names the fields a layout it does not know lacks', () => {
    const { missing } = newEnvironmentSource(original.replace("  domain: 'staging.acme.example',\n", '').replace(/hostsPlatformTooling/, 'hosts'), id);
    expect(missing).toEqual(['hostsPlatformTooling', 'domain']);
  });

  it('copies every environment file of the repository', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const files = discoverEnvironmentFiles(root);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(newEnvironmentSource(readFileSync(`${root}/${file}`, 'utf8'), id).missing, file).toEqual([]);
  });

  it('renames whole words only', () => {
    expect(renamed('platform-prod-alerts@acme.example', 'prod', 'prod-us')).toBe('platform-prod-us-alerts@acme.example');
    expect(renamed('cc-1001-staging', 'staging', 'qa')).toBe('cc-1001-qa');
    expect(renamed('production-prod', 'prod', 'qa')).toBe('production-qa');
  });
});
