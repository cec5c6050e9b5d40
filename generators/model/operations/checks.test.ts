/**
 * Bad `operations` values are one line each, through loadPlatform on copies of the real inputs.
 * Changes are made to whichever environments exist (the first, or two sharing an account), so
 * the tests hold after an environment or a service is added.
 */
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../../environments/types.js';
import { problems, realInputs, type Inputs } from '../../../tests/support/inputs.js';

const first = (i: Inputs): { file: string; env: Environment } => ({ file: i.environments[0]!.file, env: i.environments[0]!.value });

describe('operations: maintenance windows', () => {
  it('accepts the repository as it is', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('rejects a malformed window, one line naming the field and the format', () => {
    let file = '';
    const lines = problems((i) => {
      ({ file } = first(i));
      first(i).env.operations.maintenance.database = 'sunday 03:00';
    });
    expect(lines).toEqual([`${file}: operations.maintenance.database: expected a weekly UTC window ddd:hh24:mi-ddd:hh24:mi such as sun:03:00-sun:04:00 (got "sunday 03:00")`]);
  });

  it('rejects windows shorter than AWS allows and backups overlapping maintenance', () => {
    let file = '';
    const lines = problems((i) => {
      const { env } = first(i);
      file = first(i).file;
      env.operations.maintenance.cache = 'sun:04:00-sun:04:30';
      env.operations.maintenance.database = 'mon:01:30-mon:02:30';
      env.operations.maintenance.databaseBackup = '01:00-02:00';
    });
    expect(lines).toEqual([
      `${file}: operations.maintenance.cache: expected a window of at least 60 minutes (ElastiCache), got 30`,
      `${file}: operations.maintenance.databaseBackup: 01:00-02:00 overlaps the Aurora maintenance window mon:01:30-mon:02:30; Aurora rejects overlapping windows`,
    ]);
  });
});

describe('operations: alert routing', () => {
  it('rejects unknown receivers, a stale team, a duplicate route and a watchdog that is not a webhook', () => {
    let file = '';
    const lines = problems((i) => {
      const { env } = first(i);
      file = first(i).file;
      const alerting = env.operations.alerting;
      alerting.receivers = [{ name: 'chat', type: 'slack' }];
      alerting.routes = [
        { team: alerting.platformTeam, severity: 'critical', receivers: ['chat', 'pager'] },
        { team: alerting.platformTeam, severity: 'critical', receivers: ['alert-topic'] },
        { team: 'nobody-has-this-team', severity: 'warning', receivers: ['chat'] },
      ];
      alerting.defaultRoutes = [{ severity: 'critical', receivers: ['missing'] }];
      alerting.watchdogReceiver = 'chat';
    });
    expect(lines).toEqual([
      `${file}: operations.alerting.defaultRoutes[0].receivers[0]: unknown receiver "missing"; expected one of alert-topic, chat`,
      `${file}: operations.alerting.routes[0].receivers[1]: unknown receiver "pager"; expected one of alert-topic, chat`,
      `${file}: operations.alerting.routes[1]: duplicate route for team "${first(realInputs()).env.operations.alerting.platformTeam}" and severity critical; list every receiver in one route`,
      expect.stringMatching(new RegExp(`^${file}: operations\\.alerting\\.routes\\[2\\]\\.team: no service has team "nobody-has-this-team" and it is not the platform team; expected one of `)),
      `${file}: operations.alerting.watchdogReceiver: receiver "chat" is of type slack; the watchdog needs a webhook (a dead man's switch service)`,
    ]);
  });

  it('rejects a receiver named like a built-in one', () => {
    let file = '';
    const lines = problems((i) => {
      file = first(i).file;
      first(i).env.operations.alerting.receivers.push({ name: 'alert-topic', type: 'webhook' });
    });
    expect(lines).toContain(`${file}: operations.alerting.receivers[${first(realInputs()).env.operations.alerting.receivers.length}].name: "alert-topic" is built in; choose another name`);
  });
});

describe('operations: one account audit per account', () => {
  /** Puts the second environment into the first one's account. */
  const shareAccount = (i: Inputs) => {
    const [a, b] = i.environments;
    b!.value.aws = { ...b!.value.aws, accountId: a!.value.aws.accountId };
    // Its people's roles move with it (their account is checked too: generators/model/protection-checks.ts).
    const move = (arn: string) => arn.replace(/^(arn:aws:iam::)\d{12}/, `$1${a!.value.aws.accountId}`);
    b!.value.access = { ...b!.value.access, adminRoleArns: b!.value.access.adminRoleArns.map(move), readOnlyRoleArns: b!.value.access.readOnlyRoleArns.map(move) };
    return { owner: a!, other: b! };
  };

  it('rejects two environments of one account both creating the trail', () => {
    let expected = '';
    const lines = problems((i) => {
      const { owner, other } = shareAccount(i);
      const [firstName, second] = [owner, other].sort((x, y) => (x.value.name < y.value.name ? -1 : 1));
      expected = `${second!.file}: operations.audit.accountAuditFrom: account ${owner.value.aws.accountId} already gets its trail and GuardDuty detector from "${firstName!.value.name}" (${firstName!.file}); set accountAuditFrom: '${firstName!.value.name}'`;
    });
    expect(lines).toEqual([expected]);
  });

  it('accepts the second environment naming the owner, and rejects naming one of another account', () => {
    expect(
      problems((i) => {
        const { owner, other } = shareAccount(i);
        other.value.operations.audit.accountAuditFrom = owner.value.name;
      }),
    ).toEqual([]);
    let expected = '';
    const lines = problems((i) => {
      const [a, b] = i.environments;
      b!.value.operations.audit.accountAuditFrom = a!.value.name;
      expected = `${b!.file}: operations.audit.accountAuditFrom: "${a!.value.name}" is in account ${a!.value.aws.accountId}, not ${b!.value.aws.accountId}; expected an environment of the same account`;
    });
    expect(lines).toEqual(expect.arrayContaining([expected]));
  });
});

describe('operations: GuardDuty', () => {
  it("refuses runtime monitoring, whose agent the platform's admission would refuse", () => {
    let file = '';
    const lines = problems((i) => {
      file = first(i).file;
      first(i).env.operations.audit.guardDuty.eksRuntimeMonitoring = true;
    });
    expect(lines).toEqual([
      `${file}: operations.audit.guardDuty.eksRuntimeMonitoring: expected false: GuardDuty's runtime agent (root, privileged DaemonSet in amazon-guardduty) would be refused by the platform's admission policies; EKS audit-log monitoring (eksAuditLogs) needs no agent`,
    ]);
  });
});
