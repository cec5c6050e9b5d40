import { describe, expect, it } from 'vitest';
import { problems } from '../../tests/support/inputs.js';

/** The first environment of the real inputs, whatever it is called. */
const first = <T>(list: T[]) => list[0]!;

describe('human access, rotation and recovery fields', () => {
  it('accepts the repository as it is', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('rejects a role of another account, the Terraform role and a duplicate, one line each', () => {
    let file = '';
    let account = '';
    let other = '';
    const lines = problems(({ environments }) => {
      const env = first(environments);
      file = env.file;
      account = env.value.aws.accountId;
      other = account === '999999999999' ? '888888888888' : '999999999999';
      env.value.access.adminRoleArns = [
        `arn:aws:iam::${other}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123`,
        `arn:aws:iam::${account}:role/${env.value.aws.terraformRoleName}`,
      ];
      env.value.access.readOnlyRoleArns = [env.value.access.adminRoleArns[1]!];
    });
    expect(lines).toContainEqual(`${file}: access.adminRoleArns[0]: expected a role in the environment's account ${account}, got account ${other}`);
    expect(lines.filter((l) => l.includes('is the Terraform role'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('duplicate role, already listed at access.adminRoleArns[1]'))).toHaveLength(1);
    expect(lines).toHaveLength(4);
  });

  it('rejects an ARN that is not an IAM role ARN (a user, a short account id)', () => {
    let file = '';
    const lines = problems(({ environments }) => {
      const env = first(environments);
      file = env.file;
      env.value.access.readOnlyRoleArns = ['arn:aws:iam::12:role/x', `arn:aws:iam::${env.value.aws.accountId}:user/bob`];
    });
    expect(lines.filter((l) => l.startsWith(`${file}: access.readOnlyRoleArns[`) && l.includes('expected an IAM role ARN'))).toHaveLength(2);
  });

  it('rejects a rotation period and objectives out of range', () => {
    let file = '';
    const lines = problems(({ environments }) => {
      const env = first(environments);
      file = env.file;
      env.value.secrets.rotationDays = 0;
      env.value.recovery.objectives.database.rpoMinutes = 0;
    });
    expect(lines.some((l) => l.startsWith(`${file}: secrets.rotationDays:`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${file}: recovery.objectives.database.rpoMinutes:`))).toBe(true);
  });

  it('rejects a copy region equal to the environment\'s own', () => {
    let file = '';
    let region = '';
    const lines = problems(({ environments }) => {
      const env = first(environments);
      file = env.file;
      region = env.value.aws.region;
      env.value.recovery.copyRegions = [region];
    });
    expect(lines).toEqual([`${file}: recovery.copyRegions[0]: expected a region other than the environment's own (${region})`]);
  });
});
