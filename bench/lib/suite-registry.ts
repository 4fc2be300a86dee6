import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchSuite, suiteNameOf } from './suite';

export interface SuiteFile {
  readonly name: string;
  readonly path: string;
}

/** Every `<name>.suite.ts` in `dir`, sorted by name: adding a suite is adding a file. */
export function discoverSuites(dir: string): SuiteFile[] {
  return readdirSync(dir)
    .filter((file) => !file.endsWith('.d.ts'))
    .flatMap((file) => {
      const name = suiteNameOf(file);
      return name === undefined ? [] : [{ name, path: join(dir, file) }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Loads one suite; only the suites a run selects are loaded, so a suite being written elsewhere
 * never stops the others. Its file must export `suite` with the name the file declares.
 */
export function loadSuite(file: SuiteFile): BenchSuite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- suites are discovered at run time
  const exported = (require(file.path) as { suite?: BenchSuite }).suite;
  if (!exported || typeof exported.run !== 'function') {
    throw new Error(`${file.path} does not export a bench suite as "suite"`);
  }
  if (exported.name !== file.name) {
    throw new Error(`${file.path} exports suite "${exported.name}", expected "${file.name}"`);
  }
  return exported;
}
