/**
 * The Terraform of one environment, indexed for the rules: every stack's resources and data
 * sources by type, and reference resolution that follows `terraform_remote_state` outputs into
 * the upstream stack, so a flow log in one stack is seen to point at the VPC of another.
 */
import { at, dict, isDict, str, type Dict } from './values.js';
import { appendTo } from './append-to.js';

export interface TerraformStack {
  file: string;
  /** The stack folder name (generated/terraform/<env>/<stack>/), else the file path. */
  name: string;
  json: Dict;
}

export interface TerraformBlock {
  stack: TerraformStack;
  file: string;
  /** e.g. aws_s3_bucket */
  type: string;
  name: string;
  /** `aws_s3_bucket.raw`, or `data.aws_iam_policy_document.x` for data sources. */
  address: string;
  attrs: Dict;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const REMOTE_OUTPUT = /data\.terraform_remote_state\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g;
const MAX_HOPS = 5;

function stackName(path: string): string {
  return /^generated\/terraform\/[^/]+\/([^/]+)\//.exec(path)?.[1] ?? path;
}

function blocksOf(stack: TerraformStack, section: 'resource' | 'data'): TerraformBlock[] {
  return Object.entries(dict(stack.json[section])).flatMap(([type, byName]) =>
    Object.entries(dict(byName))
      .filter(([, attrs]) => isDict(attrs))
      .map(([name, attrs]) => ({
        stack,
        file: stack.file,
        type,
        name,
        address: section === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
        attrs: attrs as Dict,
      })),
  );
}

function byType(blocks: readonly TerraformBlock[]): Map<string, TerraformBlock[]> {
  const index = new Map<string, TerraformBlock[]>();
  for (const block of blocks) {
    appendTo(index, block.type, block);
  }
  return index;
}

export class TerraformEnvironment {
  readonly stacks: TerraformStack[];
  private readonly resourceList: TerraformBlock[];
  private readonly dataList: TerraformBlock[];

  /** Resources and data sources by type, built once: rules ask for a type many times. */
  private readonly resourcesByType: Map<string, TerraformBlock[]>;
  private readonly dataByType: Map<string, TerraformBlock[]>;

  constructor(files: { path: string; value: Dict }[]) {
    this.stacks = files.map((f) => ({ file: f.path, name: stackName(f.path), json: f.value }));
    this.resourceList = this.stacks.flatMap((s) => blocksOf(s, 'resource'));
    this.dataList = this.stacks.flatMap((s) => blocksOf(s, 'data'));
    this.resourcesByType = byType(this.resourceList);
    this.dataByType = byType(this.dataList);
  }

  /** Resources of the given types (all resources when none are given), in file then declaration order. */
  resources(...types: string[]): TerraformBlock[] {
    if (types.length === 0) return this.resourceList;
    if (types.length === 1) return [...(this.resourcesByType.get(types[0]!) ?? [])];
    return this.resourceList.filter((r) => types.includes(r.type));
  }

  dataSources(...types: string[]): TerraformBlock[] {
    if (types.length === 1) return [...(this.dataByType.get(types[0]!) ?? [])];
    return this.dataList.filter((d) => types.includes(d.type));
  }

  /** The stack whose S3 backend key a `terraform_remote_state` data source reads. */
  private upstream(stack: TerraformStack, remoteState: string): TerraformStack | undefined {
    const key = str(at(stack.json, 'data', 'terraform_remote_state', remoteState, 'config', 'key'));
    return key === undefined ? undefined : this.stacks.find((s) => at(s.json, 'terraform', 'backend', 's3', 'key') === key);
  }

  /**
   * Every (text, stack) a value stands for: the value itself, plus the upstream output values of
   * any remote-state output it reads (transitively, a few hops at most).
   */
  expand(value: unknown, stack: TerraformStack): { text: string; stack: TerraformStack }[] {
    const seen: { text: string; stack: TerraformStack }[] = [];
    const visit = (text: string, from: TerraformStack, hops: number) => {
      seen.push({ text, stack: from });
      if (hops >= MAX_HOPS) return;
      for (const [, remoteState, output] of text.matchAll(REMOTE_OUTPUT)) {
        const upstream = this.upstream(from, remoteState!);
        const outputValue = upstream ? at(upstream.json, 'output', output!, 'value') : undefined;
        if (upstream && outputValue !== undefined) visit(JSON.stringify(outputValue), upstream, hops + 1);
      }
    };
    visit(typeof value === 'string' ? value : JSON.stringify(value ?? null), stack, 0);
    return seen;
  }

  /** Whether `value` (an attribute of a block in `stack`) refers to `target`, directly or through remote state. */
  refersTo(value: unknown, stack: TerraformStack, target: TerraformBlock): boolean {
    const pattern = new RegExp(`(?<![\\w.-])${escapeRegExp(target.address)}(?![\\w-])`);
    return this.expand(value, stack).some((e) => e.stack === target.stack && pattern.test(e.text));
  }

  /**
   * The blocks among `candidates` that `value` designates: by reference, or by a literal name equal
   * to the candidate's `nameAttribute` (e.g. a bucket name, a parameter group name).
   */
  designated(value: unknown, stack: TerraformStack, candidates: TerraformBlock[], nameAttribute?: string): TerraformBlock[] {
    return candidates.filter(
      (c) => this.refersTo(value, stack, c) || (nameAttribute !== undefined && typeof value === 'string' && c.attrs[nameAttribute] === value),
    );
  }
}
