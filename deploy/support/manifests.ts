import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT, runOrThrow, TOOL_PATHS } from './tools';

/** The overlays an operator applies (k8s/base is never applied on its own). */
export const OVERLAYS = ['dev', 'prod'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export type Labels = Record<string, string>;

export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Labels };
  readonly spec?: unknown;
  readonly data?: Record<string, string>;
  readonly stringData?: Record<string, string>;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly secretKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
    readonly configMapKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
  };
}

export interface EnvFrom {
  readonly configMapRef?: { readonly name: string };
  readonly secretRef?: { readonly name: string };
}

export interface Probe {
  readonly httpGet?: { readonly path: string; readonly port: string | number };
  readonly tcpSocket?: { readonly port: string | number };
  readonly exec?: { readonly command: string[] };
  readonly periodSeconds?: number;
  readonly failureThreshold?: number;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly command?: string[];
  readonly ports?: { readonly name?: string; readonly containerPort: number; readonly protocol?: string }[];
  readonly env?: EnvVar[];
  readonly envFrom?: EnvFrom[];
  readonly startupProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly lifecycle?: { readonly preStop?: { readonly sleep?: { readonly seconds: number } } };
  readonly resources?: {
    readonly requests?: Record<string, string>;
    readonly limits?: Record<string, string>;
  };
  readonly securityContext?: {
    readonly allowPrivilegeEscalation?: boolean;
    readonly readOnlyRootFilesystem?: boolean;
    readonly privileged?: boolean;
    readonly runAsNonRoot?: boolean;
    readonly capabilities?: { readonly drop?: string[]; readonly add?: string[] };
  };
}

export interface PodSpec {
  readonly containers: Container[];
  readonly initContainers?: Container[];
  readonly terminationGracePeriodSeconds?: number;
  readonly automountServiceAccountToken?: boolean;
  readonly securityContext?: {
    readonly runAsNonRoot?: boolean;
    readonly runAsUser?: number;
    readonly seccompProfile?: { readonly type: string };
  };
  readonly affinity?: {
    readonly podAntiAffinity?: {
      readonly preferredDuringSchedulingIgnoredDuringExecution?: {
        readonly podAffinityTerm: { readonly topologyKey: string; readonly labelSelector: LabelSelector };
      }[];
      readonly requiredDuringSchedulingIgnoredDuringExecution?: {
        readonly topologyKey: string;
        readonly labelSelector: LabelSelector;
      }[];
    };
  };
  readonly topologySpreadConstraints?: {
    readonly topologyKey: string;
    readonly labelSelector: LabelSelector;
  }[];
}

export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: {
    readonly key: string;
    readonly operator: string;
    readonly values?: string[];
  }[];
}

/** A Deployment, StatefulSet or Job: anything with a pod template. */
export interface Workload extends K8sObject {
  readonly spec: {
    readonly replicas?: number;
    readonly selector?: LabelSelector;
    readonly template: { readonly metadata: { readonly labels: Labels }; readonly spec: PodSpec };
  };
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'Job', 'DaemonSet', 'CronJob'];

/** `kustomize build k8s/<overlay>` with the real kustomize binary, parsed. */
export function render(overlay: Overlay): K8sObject[] {
  const yaml = runOrThrow(TOOL_PATHS.kustomize, ['build', join(REPO_ROOT, 'k8s', overlay)]);
  return parseAllDocuments(yaml).map((doc) => doc.toJS() as K8sObject);
}

export function renderYaml(overlay: Overlay): string {
  return runOrThrow(TOOL_PATHS.kustomize, ['build', join(REPO_ROOT, 'k8s', overlay)]);
}

export function ofKind<T extends K8sObject = K8sObject>(objects: readonly K8sObject[], kind: string): T[] {
  return objects.filter((o) => o.kind === kind) as T[];
}

export function named<T extends K8sObject = K8sObject>(
  objects: readonly K8sObject[],
  kind: string,
  name: string,
): T {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendered manifests`);
  return found as T;
}

/** Whether a label selector selects pods with these labels. */
export function selects(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && (e.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(e.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        throw new Error(`unknown selector operator ${e.operator}`);
    }
  });
  return byLabels && byExpressions;
}

/** The key/value pairs of a rendered ConfigMap or Secret (Secret data decoded), or undefined. */
export function configData(objects: readonly K8sObject[], kind: 'ConfigMap' | 'Secret', name: string) {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) return undefined;
  const decoded = Object.fromEntries(
    Object.entries(found.data ?? {}).map(([k, v]) => [
      k,
      kind === 'Secret' ? Buffer.from(v, 'base64').toString() : v,
    ]),
  );
  return { ...decoded, ...(found.stringData ?? {}) };
}

/** Where a container's variable comes from: a literal, a ConfigMap key or a Secret key. */
export type EnvSource =
  | { readonly kind: 'literal' }
  | {
      readonly kind: 'ConfigMap' | 'Secret';
      readonly name: string;
      readonly key: string;
      readonly rendered: boolean;
    };

export interface ResolvedEnv {
  readonly values: Record<string, string>;
  readonly sources: Record<string, EnvSource>;
}

/**
 * The environment the kubelet gives a container: envFrom first, then env in order, with
 * `$(VAR)` expanded from what is defined before it. A value from a Secret that is not part of the
 * render (created by an operator or by hand) becomes `placeholder(secret, key)`.
 */
export function containerEnv(
  objects: readonly K8sObject[],
  container: Container,
  placeholder: (secret: string, key: string) => string,
): ResolvedEnv {
  const values: Record<string, string> = {};
  const sources: Record<string, EnvSource> = {};
  for (const from of container.envFrom ?? []) {
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const name = (from.configMapRef ?? from.secretRef)?.name ?? '';
    const data = configData(objects, kind, name);
    if (!data) throw new Error(`${container.name}: envFrom ${kind} ${name} is not in the render`);
    for (const [key, value] of Object.entries(data)) {
      values[key] = value;
      sources[key] = { kind, name, key, rendered: true };
    }
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) {
      values[variable.name] = variable.value.replace(
        /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
        (whole, ref: string) => (ref in values ? values[ref] : whole),
      );
      sources[variable.name] = { kind: 'literal' };
      continue;
    }
    const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
    if (!ref)
      throw new Error(`${container.name}: ${variable.name} has neither a value nor a supported valueFrom`);
    const kind = variable.valueFrom?.secretKeyRef ? 'Secret' : 'ConfigMap';
    const data = configData(objects, kind, ref.name);
    const rendered = data !== undefined;
    if (!rendered && kind === 'ConfigMap') {
      throw new Error(
        `${container.name}: ${variable.name} refers to ConfigMap ${ref.name}, not in the render`,
      );
    }
    if (rendered && !(ref.key in data)) {
      throw new Error(
        `${container.name}: ${variable.name} refers to missing key ${ref.key} of ${kind} ${ref.name}`,
      );
    }
    values[variable.name] = rendered ? data[ref.key] : placeholder(ref.name, ref.key);
    sources[variable.name] = { kind, name: ref.name, key: ref.key, rendered };
  }
  return { values, sources };
}
