/** external-dns and cert-manager: both write only to the environment's public zone. */
import { arn, type Statement } from '../../iam.js';

/** external-dns: maintains the records of Services and Ingresses in the public zone. */
export function externalDnsStatements(publicZoneId: string): Statement[] {
  return [
    {
      Sid: 'ChangeRecordsOfPublicZone',
      Effect: 'Allow',
      Action: ['route53:ChangeResourceRecordSets', 'route53:ListResourceRecordSets', 'route53:ListTagsForResource'],
      Resource: [arn.hostedZone(publicZoneId)],
    },
    { Sid: 'FindZones', Effect: 'Allow', Action: ['route53:ListHostedZones'], Resource: '*' },
  ];
}

/** cert-manager: answers ACME DNS-01 challenges, so it may write only `_acme-challenge` TXT records. */
export function certManagerStatements(publicZoneId: string): Statement[] {
  return [
    {
      Sid: 'WriteAcmeChallenges',
      Effect: 'Allow',
      Action: ['route53:ChangeResourceRecordSets'],
      Resource: [arn.hostedZone(publicZoneId)],
      Condition: {
        'ForAllValues:StringEquals': { 'route53:ChangeResourceRecordSetsRecordTypes': ['TXT'] },
        'ForAllValues:StringLike': { 'route53:ChangeResourceRecordSetsNormalizedRecordNames': ['_acme-challenge.*'] },
      },
    },
    { Sid: 'ReadPublicZone', Effect: 'Allow', Action: ['route53:ListResourceRecordSets'], Resource: [arn.hostedZone(publicZoneId)] },
    { Sid: 'FollowChanges', Effect: 'Allow', Action: ['route53:GetChange'], Resource: ['arn:aws:route53:::change/*'] },
    { Sid: 'FindZones', Effect: 'Allow', Action: ['route53:ListHostedZonesByName'], Resource: '*' },
  ];
}
