import { stringify } from 'yaml';
import { K8sObject, named, OVERLAYS, render, renderYaml, Workload } from './support/manifests';
import { requireTools, run, TOOL_PATHS } from './support/tools';

jest.setTimeout(120_000);

/** The oldest Kubernetes minor we support and the newest whose schemas kubernetes-validate ships. */
const KUBERNETES_VERSIONS = ['1.31', '1.37'];

interface ValidationReport {
  readonly documents: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
    readonly validatedAgainst: string[];
    readonly errors: string[];
  }[];
  readonly errors: number;
}

function validate(yaml: string): { status: number; report: ValidationReport } {
  const args = [
    TOOL_PATHS.validator,
    ...KUBERNETES_VERSIONS.flatMap((v) => ['--kube-version', v]),
    '--crd-dir',
    TOOL_PATHS.strimziCrds,
    '--crd-dir',
    TOOL_PATHS.gatewayApiCrds,
    '-',
  ];
  const result = run(TOOL_PATHS.python, args, yaml);
  if (!result.stdout) throw new Error(`validator failed: ${result.stderr}`);
  return { status: result.status, report: JSON.parse(result.stdout) as ValidationReport };
}

describe.each(OVERLAYS)('k8s/%s against upstream schemas', (overlay) => {
  beforeAll(() => requireTools());

  it('validates every rendered document: built-in kinds against Kubernetes, custom ones against their CRDs', () => {
    const { status, report } = validate(renderYaml(overlay));
    const failures = report.documents.filter((d) => d.errors.length > 0);
    expect(failures).toEqual([]);
    expect(status).toBe(0);
    expect(report.documents.length).toBe(render(overlay).length);
    for (const doc of report.documents) {
      const custom =
        doc.apiVersion.includes('strimzi.io') || doc.apiVersion.includes('gateway.networking.k8s.io');
      const expected = custom
        ? [expect.stringMatching(/^crd:/)]
        : KUBERNETES_VERSIONS.map((v) => `kubernetes-${v}`);
      expect({ kind: doc.kind, name: doc.name, against: doc.validatedAgainst }).toEqual({
        kind: doc.kind,
        name: doc.name,
        against: expected,
      });
    }
  });
});

describe('the schema validation', () => {
  beforeAll(() => requireTools());

  // Proof that the check above can fail: the same render with one mistake per kind of schema.
  it('refuses unknown fields and wrong values in built-in kinds, Strimzi resources and routes', () => {
    const objects = render('prod') as (K8sObject & Record<string, unknown>)[];
    const deployment = named<Workload>(objects, 'Deployment', 'catalog');
    const broken = [
      { ...deployment, spec: { ...deployment.spec, replica: 2 } },
      {
        ...named(objects, 'KafkaTopic', 'catalog.product.v1'),
        spec: { partitions: 'six', replicas: 3 },
      },
      {
        ...named(objects, 'HTTPRoute', 'catalog'),
        spec: {
          parentRefs: [{ name: 'marketplace' }],
          rules: [{ matches: [{ path: { type: 'Regex', value: '/x' } }] }],
        },
      },
      { apiVersion: 'kafka.strimzi.io/v1beta2', kind: 'KafkaUser', metadata: { name: 'old-api' }, spec: {} },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'dlq.catalog' },
        spec: { ports: [{ port: 80 }] },
      },
    ];
    const { status, report } = validate(broken.map((o) => stringify(o)).join('---\n'));
    expect(status).toBe(1);
    expect(report.documents.map((d) => [d.kind, d.errors.length > 0])).toEqual([
      ['Deployment', true],
      ['KafkaTopic', true],
      ['HTTPRoute', true],
      ['KafkaUser', true],
      ['Service', true],
    ]);
  });
});
