import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (deploy/support is two levels below it). */
export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where deploy/tools/install.sh puts the checkers; DEPLOY_TOOLS_DIR overrides, as there. */
export const TOOLS_DIR = process.env.DEPLOY_TOOLS_DIR ?? join(REPO_ROOT, '.infra', 'tools');

export const TOOL_PATHS = {
  kustomize: join(TOOLS_DIR, 'bin', 'kustomize'),
  offlineCheck: join(TOOLS_DIR, 'bin', 'offline-check'),
  python: join(TOOLS_DIR, 'venv', 'bin', 'python'),
  validator: join(REPO_ROOT, 'deploy', 'tools', 'validate_manifests.py'),
  strimziCrds: join(TOOLS_DIR, 'schemas', 'strimzi'),
  gatewayApiCrds: join(TOOLS_DIR, 'schemas', 'gateway-api'),
} as const;

/** Fails with the fix when the tools are missing, instead of a puzzling ENOENT. */
export function requireTools(): void {
  const missing = Object.values(TOOL_PATHS).filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `deployment tools missing (${missing.join(', ')}): run \`bash deploy/tools/install.sh\` (cached in .infra/tools)`,
    );
  }
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a local binary (never anything over the network) and returns its output, even on failure. */
export function run(command: string, args: readonly string[], input?: string): RunResult {
  try {
    const stdout = execFileSync(command, args, {
      cwd: REPO_ROOT,
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    return { status: failed.status ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export function runOrThrow(command: string, args: readonly string[], input?: string): string {
  const result = run(command, args, input);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}
