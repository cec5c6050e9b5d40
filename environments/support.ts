/**
 * When the versions pinned in versions.ts and the environments stop being supported upstream: a
 * dated table, each row with its source and the day someone read it. Policies LIFE-001 (past the
 * end: error) and LIFE-002 (ends within 90 days: warning) hold every pin against it on the synth
 * date. Add the new row before moving a pin to a version the table does not know (an unknown
 * version is an error too), and re-read the source when you touch a row.
 */

/** The products whose pins the lifecycle rules check. */
export type SupportedProduct = 'amazon-eks' | 'nodejs' | 'chart:promtail' | 'chart:cert-manager' | 'chart:kyverno';

export interface SupportWindow {
  product: SupportedProduct;
  /** The release line the pin names: an EKS or chart minor ("1.35"), a Node.js major ("24"), or "*" for every version. */
  cycle: string;
  /**
   * YYYY-MM-DD, UTC: the day (standard) support ends; from that day on the pin is past its end.
   * null while the vendor ties the end to a future event without a date (`endsWhen` says which).
   */
  ends: string | null;
  endsWhen?: string;
  /** YYYY-MM-DD: the day paid extended support ends, where the vendor offers one (EKS). */
  extendedEnds?: string;
  source: string;
  /** YYYY-MM-DD: when the source was last read for this row. */
  checked: string;
}

const EKS_CALENDAR = 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar';
const NODE_SCHEDULE = 'https://github.com/nodejs/Release/blob/main/schedule.json';

/**
 * EKS: standard support is 14 months from the EKS release, extended support 12 more. A cluster
 * with upgrade policy STANDARD is upgraded by AWS at the end of standard support; with EXTENDED
 * (the AWS default when no policy is set) it is billed for extended support until that ends.
 */
const eks = (cycle: string, ends: string, extendedEnds: string, source = EKS_CALENDAR): SupportWindow => ({
  product: 'amazon-eks',
  cycle,
  ends,
  extendedEnds,
  source,
  checked: '2026-11-30',
});

const node = (cycle: string, ends: string): SupportWindow => ({ product: 'nodejs', cycle, ends, source: NODE_SCHEDULE, checked: '2026-11-30' });

const CERT_MANAGER_RELEASES = 'https://cert-manager.io/docs/releases/';

/** cert-manager supports a release until the release two minors later ("Release of 1.23"). */
const certManager = (cycle: string, ends: string | null, endsWhen?: string): SupportWindow => ({
  product: 'chart:cert-manager',
  cycle,
  ends,
  ...(endsWhen ? { endsWhen } : {}),
  source: CERT_MANAGER_RELEASES,
  checked: '2026-11-30',
});

const KYVERNO_RELEASES = 'https://kyverno.io/docs/installation/#compatibility-matrix';

/**
 * Kyverno supports its three newest minors: a release ends when the third after it comes out
 * (1.16 ended with 1.19 on 2026-08-20). Cycles are chart lines (chart 3.9 = Kyverno 1.19).
 */
const kyverno = (cycle: string, ends: string | null, endsWhen?: string): SupportWindow => ({
  product: 'chart:kyverno',
  cycle,
  ends,
  ...(endsWhen ? { endsWhen } : {}),
  source: KYVERNO_RELEASES,
  checked: '2026-11-30',
});

export const supportWindows: readonly SupportWindow[] = [
  eks('1.29', '2025-03-23', '2026-03-23'),
  eks('1.30', '2025-07-23', '2026-07-23'),
  eks('1.31', '2025-11-26', '2026-11-26'),
  eks('1.32', '2026-03-23', '2027-03-23'),
  eks('1.33', '2026-07-29', '2027-07-29'),
  eks('1.34', '2026-12-02', '2027-12-02'),
  // Not yet in the AWS calendar snapshot that was read; dates from endoflife.date (which tracks that page).
  eks('1.35', '2027-03-27', '2028-03-27', 'https://endoflife.date/amazon-eks'),
  node('20', '2026-04-30'),
  node('22', '2027-04-30'),
  node('24', '2028-04-30'),
  certManager('1.17', '2025-10-07'),
  certManager('1.18', '2026-03-10'),
  certManager('1.19', '2026-07-08'),
  certManager('1.20', null, 'release of cert-manager 1.22 (planned for about November 2026)'),
  certManager('1.21', null, 'release of cert-manager 1.23'),
  kyverno('3.6', '2026-08-20'), // Kyverno 1.16
  kyverno('3.7', null, 'release of Kyverno 1.20'),
  kyverno('3.8', null, 'release of Kyverno 1.21'),
  kyverno('3.9', null, 'release of Kyverno 1.22'),
  {
    product: 'chart:promtail',
    cycle: '*',
    ends: '2026-03-02',
    source: 'https://grafana.com/docs/loki/latest/send-data/promtail/',
    checked: '2026-11-30',
  },
];
