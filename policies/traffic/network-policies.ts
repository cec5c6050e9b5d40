/**
 * NetworkPolicies (networking.k8s.io/v1) read into what the semantics need: who they select, the
 * directions they isolate, and their rules' peers and ports, with the API server's defaults applied
 * (policyTypes: Ingress, plus Egress when egress rules exist; absent `from`/`to`/`ports` match all).
 */
import type { KubeObject } from '../engine/kubernetes.js';
import { at, dict, isDict, list, num, str, strings, type Dict } from '../engine/values.js';
import { cidrs, subtract, type AddressSet } from './addresses.js';
import type { Protocol } from './endpoints.js';

export type Direction = 'Ingress' | 'Egress';

export interface Peer {
  podSelector?: Dict;
  namespaceSelector?: Dict;
  /** cidr minus except. */
  ipBlock?: AddressSet;
}

export interface RulePort {
  protocol: Protocol;
  /** Number, name (resolved against the destination pod's container ports), or undefined: every port. */
  port?: number | string;
  endPort?: number;
}

export interface PolicyRule {
  /** undefined: every peer. */
  peers?: Peer[];
  /** undefined: every port. */
  ports?: RulePort[];
}

export interface Policy {
  resource: string;
  file: string;
  namespace: string;
  podSelector: Dict;
  types: Direction[];
  ingress: PolicyRule[];
  egress: PolicyRule[];
}

/** ipBlock addresses by their cidr and except lists: the environment's policies repeat the same few blocks. */
type BlockCache = Map<string, AddressSet>;

function ipBlockAddresses(block: Dict, cache: BlockCache): AddressSet {
  const cidr = strings(block.cidr);
  const except = strings(block.except);
  const key = JSON.stringify([cidr, except]);
  let addresses = cache.get(key);
  if (!addresses) cache.set(key, (addresses = subtract(cidrs(cidr), cidrs(except))));
  return addresses;
}

function peer(value: Dict, cache: BlockCache): Peer {
  const ipBlock = isDict(value.ipBlock) ? ipBlockAddresses(value.ipBlock, cache) : undefined;
  return {
    ...(isDict(value.podSelector) ? { podSelector: value.podSelector } : {}),
    ...(isDict(value.namespaceSelector) ? { namespaceSelector: value.namespaceSelector } : {}),
    ...(ipBlock ? { ipBlock } : {}),
  };
}

function rulePort(value: Dict): RulePort {
  const port = typeof value.port === 'string' && !/^[0-9]+$/.test(value.port) ? value.port : num(value.port);
  const endPort = num(value.endPort);
  return { protocol: (str(value.protocol) ?? 'TCP') as Protocol, ...(port !== undefined ? { port } : {}), ...(endPort !== undefined ? { endPort } : {}) };
}

function rules(value: unknown, peersKey: 'from' | 'to', cache: BlockCache): PolicyRule[] {
  return list(value)
    .filter(isDict)
    .map((rule) => {
      const peers = list(rule[peersKey]).filter(isDict);
      const ports = list(rule.ports).filter(isDict);
      return { ...(peers.length > 0 ? { peers: peers.map((p) => peer(p, cache)) } : {}), ...(ports.length > 0 ? { ports: ports.map(rulePort) } : {}) };
    });
}

export function networkPolicies(objects: readonly KubeObject[]): Policy[] {
  const cache: BlockCache = new Map();
  return objects
    .filter((o) => o.kind === 'NetworkPolicy' && o.apiVersion === 'networking.k8s.io/v1' && o.namespace !== null)
    .map((o) => {
      const spec = dict(o.object.spec);
      const types = (spec.policyTypes === undefined ? ['Ingress', ...(spec.egress === undefined ? [] : ['Egress'])] : strings(spec.policyTypes)) as Direction[];
      return {
        resource: o.resource,
        file: o.file,
        namespace: o.namespace!,
        podSelector: dict(at(spec, 'podSelector')),
        types,
        ingress: rules(spec.ingress, 'from', cache),
        egress: rules(spec.egress, 'to', cache),
      };
    });
}
