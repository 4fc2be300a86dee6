import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import ts from 'typescript';
import { API_SERVICES, documentPath, typesPath } from './openapi-paths';

type Operation = {
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};

const committed = (service: string) =>
  JSON.parse(readFileSync(documentPath(service as never), 'utf8')) as {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };

const operations = (service: string) =>
  Object.entries(committed(service).paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );

describe.each(API_SERVICES)('the committed OpenAPI document of %s', (service) => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = committed(service);
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    if (!result.valid) throw new Error(compileErrors(result));
  });

  it('documents every operation: summary, security, a body schema per success, the errors', () => {
    const problems = operations(service).flatMap(({ route, operation }) => {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith('2'));
      return [
        ...(operation.summary ? [] : [`${route}: no summary`]),
        ...(operation.security ? [] : [`${route}: no security`]),
        ...(success.length > 0 ? [] : [`${route}: no success answer`]),
        ...success
          .filter((status) => status !== '204' && !operation.responses[status].content)
          .map((status) => `${route}: ${status} has no body schema`),
        ...(statuses.includes('500') ? [] : [`${route}: errors are not documented`]),
      ];
    });
    expect(problems).toEqual([]);
  });
});

// openapi-typescript is an ES module jest cannot load: the check runs as its own process.
it('the committed documents and generated types are what `npm run openapi` writes', () => {
  const script = join(__dirname, 'openapi.ts');
  const run = spawnSync(process.execPath, [require.resolve('ts-node/dist/bin'), script, '--check'], {
    cwd: join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

/** A typed client over each service's types, as the web app builds it with openapi-fetch. */
const CLIENT_USE = `
import createClient from 'openapi-fetch';
import type { paths as catalog } from './catalog';
import type { paths as offers } from './offers';
import type { paths as reviews } from './reviews';
import type { paths as reports } from './reports';

export async function use(): Promise<string[]> {
  const page = await createClient<catalog>().GET('/products/{id}', { params: { path: { id: 'p-1' } } });
  const offer = await createClient<offers>().GET('/products/{productId}/offers', {
    params: { path: { productId: 'p-1' }, query: { sort: 'price' } },
  });
  const review = await createClient<reviews>().GET('/products/{productId}/rating-summary', {
    params: { path: { productId: 'p-1' } },
  });
  const report = await createClient<reports>().GET('/me/reports', { params: { query: {} } });
  const code: string | undefined = page.error?.error.code;
  return [page.data?.product.title ?? '', String(offer.data?.items.length), String(review.data?.average), String(report.data?.items.length), code ?? ''];
}
`;

it('the generated types compile under strict TypeScript, and type an openapi-fetch client', () => {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const clientFile = join(dirname(typesPath('catalog')), 'client-use.ts');
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === clientFile ? ts.createSourceFile(name, CLIENT_USE, version) : readSource(name, version, ...rest);
  const program = ts.createProgram([...API_SERVICES.map(typesPath), clientFile], options, host);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(diagnostics).toEqual([]);
});
