/**
 * The vocabulary of the policy engine: rules, the documents they read, and what they report.
 * Rules are pure functions of one environment's rendered documents; the engine adds the rule id,
 * severity and environment to what they find, and applies the environment's exceptions.
 */

import type { Tier } from '../../environments/types.js';
import type { AtlantisProject } from './atlantis.js';
import type { KubeObject } from './kubernetes.js';
import type { TerraformEnvironment } from './terraform.js';

export type Severity = 'error' | 'warning';
export type RuleArea = 'kubernetes' | 'terraform' | 'gitops' | 'bringup' | 'lifecycle' | 'admission' | 'wiring' | 'cost';

/** Everything the rules see of one environment (or of the repository-wide files, environment null). */
export interface EnvironmentDocuments {
  environment: string | null;
  /** The environment's tier from its config; null for repository-wide files (and an environment the run was not told about). */
  tier: Tier | null;
  kubernetes: KubeObject[];
  terraform: TerraformEnvironment;
  atlantis: AtlantisProject[];
  /** YYYY-MM-DD, the synth date from the caller's clock (lifecycle rules compare support dates with it). */
  today: string;
}

/** What a rule reports: which file, which resource (the string an exception names), and what is wrong. */
export interface Finding {
  file: string;
  /** Terraform address (`aws_s3_bucket.raw`), Kubernetes `Kind/namespace/name` (`Kind/name` when cluster-scoped), or `AtlantisProject/<name>`. */
  resource: string;
  message: string;
}

export interface RuleMetadata {
  /** Stable id, e.g. K8S-001; exceptions and Kyverno policies use it. */
  id: string;
  severity: Severity;
  area: RuleArea;
  /** A few words, e.g. "Containers run as non-root". */
  title: string;
  /** What exactly is checked. */
  checks: string;
  /** Why it matters. */
  why: string;
  /** How to make a violation go away. */
  fix: string;
}

export interface Rule extends RuleMetadata {
  check(documents: EnvironmentDocuments): Finding[];
}

/** A finding with the rule and environment it belongs to. */
export interface Violation extends Finding {
  rule: string;
  severity: Severity;
  environment: string | null;
}
