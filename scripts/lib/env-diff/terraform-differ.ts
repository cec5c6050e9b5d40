/**
 * Terraform JSON (`*.tf.json`) diff, keyed by address: resources `type.name`, data sources
 * `data.type.name`, `module.x`, `output.x`, `var.x`, `local.x`, `provider.aws[.alias]` and the
 * `terraform` settings block. `moved` blocks at head turn a remove + add into one change; otherwise
 * look-alike remove + add pairs are marked as likely renames (so a `moved` block can be suggested).
 */
import { compareNatural } from './natural-order.js';
import { pairRenames } from './renames.js';
import { hasSensitiveName, type SensitivityRule } from './secrets.js';
import { deepEqual, diffFields } from './structural-diff.js';
import type { DiffEntry } from './diff-entry.js';
import type { TerraformItem } from './types.js';

export interface TerraformDocument {
  blocks: Map<string, unknown>;
  moved: { from: string; to: string }[];
}

const NON_RESOURCE_PREFIXES = ['data.', 'module.', 'output.', 'var.', 'local.', 'provider.'];

/** The resource type of a managed resource address (`aws_s3_bucket.logs` → `aws_s3_bucket`), else undefined. */
export function resourceType(address: string): string | undefined {
  if (NON_RESOURCE_PREFIXES.some((prefix) => address.startsWith(prefix))) return undefined;
  const dot = address.indexOf('.');
  return dot > 0 ? address.slice(0, dot) : undefined;
}

/** Drops `"//"` keys (the generated-file header and cdktf metadata): they are not configuration. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, inner]) => [key, withoutComments(inner)]));
  }
  return value;
}

/** Terraform JSON allows a block type to be an object or a list of objects. */
function objects(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

function addProviders(blocks: Map<string, unknown>, name: string, value: unknown): void {
  const configs = objects(value);
  configs.forEach((config, index) => {
    const alias = typeof config.alias === 'string' ? config.alias : configs.length > 1 ? String(index) : undefined;
    blocks.set(alias === undefined ? `provider.${name}` : `provider.${name}.${alias}`, config);
  });
}

const NAMED_SECTIONS: Record<string, (key: string) => string> = {
  module: (key) => `module.${key}`,
  output: (key) => `output.${key}`,
  variable: (key) => `var.${key}`,
  locals: (key) => `local.${key}`,
};

export function parseTerraform(text: string): TerraformDocument {
  const json = withoutComments(JSON.parse(text)) as Record<string, unknown>;
  const blocks = new Map<string, unknown>();
  const moved: TerraformDocument['moved'] = [];
  for (const [section, content] of Object.entries(json)) {
    if (section === 'moved') {
      for (const move of objects(content)) moved.push({ from: String(move.from), to: String(move.to) });
      continue;
    }
    const named = NAMED_SECTIONS[section];
    const isTyped = section === 'resource' || section === 'data';
    if (!named && !isTyped && section !== 'provider') {
      blocks.set(section, content);
      continue;
    }
    for (const group of objects(content)) {
      for (const [key, value] of Object.entries(group)) {
        if (named) blocks.set(named(key), value);
        else if (section === 'provider') addProviders(blocks, key, value);
        else {
          for (const byName of objects(value)) {
            for (const [name, body] of Object.entries(byName)) blocks.set(section === 'data' ? `data.${key}.${name}` : `${key}.${name}`, body);
          }
        }
      }
    }
  }
  return { blocks, moved };
}

/** What is secret in a Terraform block: sensitive outputs and variables, SSM values, secret-named attributes. */
export function terraformSensitivity(address: string, before: unknown, after: unknown): SensitivityRule {
  const flagged = (body: unknown) => typeof body === 'object' && body !== null && (body as { sensitive?: unknown }).sensitive === true;
  const sensitiveBlock = (address.startsWith('output.') || address.startsWith('var.')) && (flagged(before) || flagged(after));
  const type = resourceType(address);
  return (path) => {
    if (sensitiveBlock && path[0] !== 'sensitive' && path[0] !== 'description') return true;
    if (type === 'aws_ssm_parameter' && path[0] === 'value') return true;
    return hasSensitiveName(path);
  };
}

function item(stack: string, address: string, change: TerraformItem['change']): TerraformItem {
  return { change, stack, address, fields: [], risks: [] };
}

/** Diffs one stack's Terraform JSON; either side may be missing (stack added or removed). */
export function diffTerraformStack(stack: string, before: TerraformDocument | undefined, after: TerraformDocument | undefined): DiffEntry<TerraformItem>[] {
  const old = before?.blocks ?? new Map<string, unknown>();
  const now = after?.blocks ?? new Map<string, unknown>();
  const moves = new Map((after?.moved ?? []).filter((m) => old.has(m.from) && !now.has(m.from) && now.has(m.to) && !old.has(m.to)).map((m) => [m.to, m.from]));
  const movedAway = new Set(moves.values());
  const entries: DiffEntry<TerraformItem>[] = [];
  const addresses = [...new Set([...old.keys(), ...now.keys()])].sort(compareNatural);
  for (const address of addresses) {
    const [b, a] = [old.get(address), now.get(address)];
    if (old.has(address) && now.has(address)) {
      if (deepEqual(b, a)) continue;
      entries.push({ item: { ...item(stack, address, 'changed'), fields: diffFields(b, a, terraformSensitivity(address, b, a)) }, before: b, after: a });
    } else if (old.has(address)) {
      if (!movedAway.has(address)) entries.push({ item: item(stack, address, 'removed'), before: b });
    } else {
      const from = moves.get(address);
      if (from === undefined) entries.push({ item: item(stack, address, 'added'), after: a });
      else {
        const previous = old.get(from);
        const fields = diffFields(previous, a, terraformSensitivity(address, previous, a));
        entries.push({ item: { ...item(stack, address, 'changed'), movedFrom: from, fields }, before: previous, after: a });
      }
    }
  }
  markRenames(entries);
  return entries;
}

function markRenames(entries: DiffEntry<TerraformItem>[]): void {
  const candidates = (change: TerraformItem['change'], side: 'before' | 'after') =>
    entries
      .filter((e) => e.item.change === change && resourceType(e.item.address))
      .map((e) => ({ id: e.item.address, group: resourceType(e.item.address)!, body: e[side] }));
  const pairs = pairRenames(candidates('removed', 'before'), candidates('added', 'after'));
  for (const entry of entries) {
    const to = pairs.get(entry.item.address);
    if (entry.item.change === 'removed' && to) entry.item.likelyRenamedTo = to;
  }
}
