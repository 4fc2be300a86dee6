import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchSuite, suiteNameOf } from './suite';

/**
 * Every `<name>.suite.ts` in `dir`, sorted by name: adding a suite is adding a file. Each must
 * export `suite` with the name its file declares.
 */
export function loadSuites(dir: string): BenchSuite[] {
  const files = readdirSync(dir)
    .filter((file) => suiteNameOf(file) !== undefined && !file.endsWith('.d.ts'))
    .sort();
  return files.map((file) => {
    const name = suiteNameOf(file) as string;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- suites are discovered at run time
    const exported = (require(join(dir, file)) as { suite?: BenchSuite }).suite;
    if (!exported || typeof exported.run !== 'function') throw new Error(`${file} does not export a bench suite as "suite"`);
    if (exported.name !== name) throw new Error(`${file} exports suite "${exported.name}", expected "${name}"`);
    return exported;
  });
}
