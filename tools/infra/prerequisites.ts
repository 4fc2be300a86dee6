import { spawnSync } from 'node:child_process';

/**
 * A tool this project needs is missing or too old. Its message is one line naming the tool and how
 * to install it, so callers print the message alone, never a stack trace.
 */
export class MissingPrerequisiteError extends Error {
  override readonly name = 'MissingPrerequisiteError';
}

/** A tool the native infrastructure needs, and how to install it when it is missing. */
interface Tool {
  readonly command: string;
  readonly versionArgs: readonly string[];
  readonly missing: string;
}

const JAVA: Tool = {
  command: 'java',
  versionArgs: ['-version'],
  missing: 'Java 17+ not found on PATH: install a JDK 17+ (apt-get install openjdk-17-jdk-headless)',
};
const JAVAC: Tool = {
  command: 'javac',
  versionArgs: ['-version'],
  missing: 'javac not found on PATH: install a JDK 17+ (apt-get install openjdk-17-jdk-headless)',
};
const MAVEN: Tool = {
  command: 'mvn',
  versionArgs: ['-v'],
  missing: 'Maven not found on PATH: install it (apt-get install maven)',
};
const GO: Tool = {
  command: 'go',
  versionArgs: ['version'],
  missing: 'Go not found on PATH: install Go 1.22+ (apt-get install golang, or from go.dev)',
};
const CHROMIUM: Tool = {
  command: 'chromium',
  versionArgs: ['--version'],
  missing:
    'Chromium not found (chromium on PATH, or CHROMIUM_PATH): install it for the browser journeys (apt-get install chromium)',
};

function versionOutput(tool: Tool): string {
  const result = spawnSync(tool.command, [...tool.versionArgs], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new MissingPrerequisiteError(tool.missing);
  return `${result.stdout}${result.stderr}`;
}

/** The Java feature version from `java -version` output ("17.0.15", "1.8.0_392" → 8). */
export function javaMajorVersion(versionText: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

export function requireJava(): void {
  const major = javaMajorVersion(versionOutput(JAVA));
  if (major === undefined || major < 17) {
    throw new MissingPrerequisiteError(`${JAVA.missing} (found Java ${major ?? 'of unknown version'})`);
  }
}

export function requireJdk(): void {
  requireJava();
  versionOutput(JAVAC);
}

export function requireMaven(): void {
  versionOutput(MAVEN);
}

export function requireGo(): void {
  versionOutput(GO);
}

/** The browser journeys' Chromium: CHROMIUM_PATH when set (as apps/web/playwright.config.ts reads it). */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): void {
  versionOutput({ ...CHROMIUM, command: env.CHROMIUM_PATH || CHROMIUM.command });
}

/**
 * Runs every check and returns the one-line message of each that failed (empty when all passed),
 * so a user learns about every missing tool at once.
 */
export function missingPrerequisites(checks: readonly (() => void)[]): string[] {
  const messages: string[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof MissingPrerequisiteError)) throw error;
      messages.push(error.message);
    }
  }
  return messages;
}
