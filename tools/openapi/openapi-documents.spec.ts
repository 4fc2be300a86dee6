import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

it('the generated types compile under strict TypeScript', () => {
  const program = ts.createProgram(API_SERVICES.map(typesPath), {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
});
