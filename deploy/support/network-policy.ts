import { K8sObject, LabelSelector, ofKind, selects } from './manifests';

interface Peer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: { readonly cidr: string; readonly except?: string[] };
}
interface PortRule {
  readonly port?: number | string;
  readonly protocol?: string;
}
interface Rule {
  readonly from?: Peer[];
  readonly to?: Peer[];
  readonly ports?: PortRule[];
}
export interface NetworkPolicy extends K8sObject {
  readonly spec: {
    readonly podSelector: LabelSelector;
    readonly policyTypes: ('Ingress' | 'Egress')[];
    readonly ingress?: Rule[];
    readonly egress?: Rule[];
  };
}

function selectorText(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector.matchExpressions ?? []).map(
    (e) => `${e.key} ${e.operator} (${(e.values ?? []).join(',')})`,
  );
  return `{${[...labels, ...expressions].sort().join(',')}}`;
}

/** A peer as text: `pod{...}` (same namespace), `ns{...}`, `ns{...}/pod{...}` or `cidr:...`. */
export function peerText(peer: Peer): string {
  if (peer.ipBlock)
    return `cidr:${peer.ipBlock.cidr}${peer.ipBlock.except ? ` except ${peer.ipBlock.except.join(',')}` : ''}`;
  const parts = [];
  if (peer.namespaceSelector) parts.push(`ns${selectorText(peer.namespaceSelector)}`);
  if (peer.podSelector) parts.push(`pod${selectorText(peer.podSelector)}`);
  return parts.join('/');
}

/**
 * What a pod may receive and send, as `peer -> PROTOCOL/port` lines, from every NetworkPolicy that
 * selects it (they add up). Named ports are resolved with `namedPorts` (the pod's own ports).
 */
export function allowedFlows(
  objects: readonly K8sObject[],
  podLabels: Record<string, string>,
  namedPorts: Record<string, number> = {},
) {
  const policies = ofKind<NetworkPolicy>(objects, 'NetworkPolicy').filter((p) =>
    selects(p.spec.podSelector, podLabels),
  );
  const flows = (rules: Rule[], peersOf: (rule: Rule) => Peer[] | undefined) =>
    rules.flatMap((rule) => {
      const peers = (peersOf(rule) ?? [{}]).map(peerText);
      const ports = (rule.ports ?? [{}]).map((p) => {
        const port = typeof p.port === 'string' ? (namedPorts[p.port] ?? p.port) : (p.port ?? 'any');
        return `${p.protocol ?? 'TCP'}/${port}`;
      });
      return peers.flatMap((peer) => ports.map((port) => `${peer || 'anywhere'} -> ${port}`));
    });
  return {
    policies,
    defaultDenyIngress: policies.some((p) => p.spec.policyTypes.includes('Ingress')),
    defaultDenyEgress: policies.some((p) => p.spec.policyTypes.includes('Egress')),
    ingress: new Set(policies.flatMap((p) => flows(p.spec.ingress ?? [], (r) => r.from))),
    egress: new Set(policies.flatMap((p) => flows(p.spec.egress ?? [], (r) => r.to))),
  };
}
