import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { buildServiceDocument, documentText, typesText } from './openapi-documents';
import { API_SERVICES, documentPath, typesPath } from './openapi-paths';

/**
 * `npm run openapi`: writes each service's OpenAPI document to docs/openapi/<service>.json and the
 * web app's types generated from it to apps/web/src/api/generated/<service>.ts. Needs no broker or
 * database: the documents come from the module graphs (see buildServiceDocument).
 * `--check` writes nothing and fails when a committed file is not what it would write.
 */
async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const service of API_SERVICES) {
    const document = await documentText(service, await buildServiceDocument(service));
    const committed = existsSync(documentPath(service)) ? readFileSync(documentPath(service), 'utf8') : '';
    // The types come from the committed document: that is the one clients generate from.
    const types = await typesText(service, JSON.parse(check ? committed || '{}' : document) as object);
    for (const [path, text] of [
      [documentPath(service), document],
      [typesPath(service), types],
    ] as const) {
      const name = relative(process.cwd(), path);
      if (check) {
        if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(name);
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`wrote ${name}\n`);
    }
  }
  if (stale.length > 0)
    process.stderr.write(`not up to date (run \`npm run openapi\`): ${stale.join(', ')}\n`);
  return stale.length > 0 ? 1 : 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
