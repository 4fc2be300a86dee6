import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { prettyFactory } from 'pino-pretty';

/**
 * `npm start`'s service output. Every line a service writes goes, as written (JSON from pino), to
 * its own log file; the terminal gets either the same JSON (not a terminal: CI, containers, pipes)
 * or a readable view, one coloured name column per service and pino's own pretty-printing.
 */
export type LogView = 'pretty' | 'json';

export function chooseLogView(isTTY: boolean | undefined): LogView {
  return isTTY ? 'pretty' : 'json';
}

/** `.infra/logs/<service>.log`, or `<namespace>-<service>.log` for a second copy beside it. */
export function serviceLogFile(logDir: string, name: string, namespace = ''): string {
  return join(logDir, namespace ? `${namespace}-${name}.log` : `${name}.log`);
}

/** ANSI colours for the name column, one per service in start order: cyan, magenta, yellow, ... */
const NAME_COLOURS = [36, 35, 33, 32, 34, 91, 96, 95];

/** `text` in an ANSI style (`code`, undone by `reset`: 39 for a colour, 22 for bold) when enabled. */
export function paint(text: string, code: number, enabled: boolean, reset = 39): string {
  return enabled ? `\u001b[${code}m${text}\u001b[${reset}m` : text;
}

/** Nest's boot chatter: every module and route, dozens of lines per service; still in the files. */
const BOOT_CHATTER = /"context":"(InstanceLoader|RoutesResolver|RouterExplorer)"/;

const PRETTY_OPTIONS = {
  translateTime: 'SYS:HH:MM:ss.l',
  singleLine: true,
  ignore: 'pid,hostname,service,context,req,res,responseTime',
  messageFormat:
    '{if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url} {res.statusCode} {responseTime} ms{end}',
} as const;

/**
 * How one service's line is shown on the terminal: the line itself in the JSON view; in the pretty
 * view its name column and pino-pretty's rendering (a line that is not JSON, such as a crash's
 * stack trace, passes through under the same name). `undefined`: not shown.
 */
export function terminalFormatter(input: {
  readonly name: string;
  readonly index: number;
  readonly nameWidth: number;
  readonly view: LogView;
  readonly colour: boolean;
}): (line: string) => string | undefined {
  if (input.view === 'json') return (line) => `${line}\n`;
  const pretty = prettyFactory({ ...PRETTY_OPTIONS, colorize: input.colour });
  const column = paint(
    `${input.name.padEnd(input.nameWidth)} |`,
    NAME_COLOURS[input.index % NAME_COLOURS.length],
    input.colour,
  );
  return (line) => {
    if (BOOT_CHATTER.test(line)) return undefined;
    const shown = pretty(line).replace(/\n$/, '').split('\n');
    return shown.map((part) => `${column} ${part}\n`).join('');
  };
}

/**
 * Copies a service's stdout and stderr, line by line, into its log file (created afresh for this
 * run) and onto the terminal through `format`. Resolves once both streams ended and the file is
 * written.
 */
export function routeServiceOutput(input: {
  readonly streams: readonly (Readable | null)[];
  readonly logFile: string;
  readonly format: (line: string) => string | undefined;
  readonly terminal: Writable;
}): Promise<void> {
  mkdirSync(dirname(input.logFile), { recursive: true });
  const file = createWriteStream(input.logFile, { flags: 'w' });
  const written = new Promise<void>((resolve) => file.once('close', resolve));
  let open = input.streams.filter(Boolean).length;
  for (const stream of input.streams) {
    if (!stream) continue;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (line) => {
      file.write(`${line}\n`);
      const shown = input.format(line);
      if (shown !== undefined) input.terminal.write(shown);
    });
    lines.once('close', () => {
      open -= 1;
      if (open === 0) file.end();
    });
  }
  if (open === 0) file.end();
  return written;
}

/**
 * Routes the output of every process `npm start` runs (spawned with piped output): JSON into
 * `<logDir>/<name>.log`, and onto `terminal` as `chooseLogView` says. `drained` resolves once every
 * process's output has ended and is written.
 */
export function showServiceOutput(input: {
  readonly processes: readonly { readonly name: string; readonly child: ChildProcess }[];
  readonly logDir: string;
  readonly namespace: string;
  readonly terminal: Writable & { isTTY?: boolean; hasColors?: () => boolean };
}): { logFiles: string[]; drained: Promise<void> } {
  const view = chooseLogView(input.terminal.isTTY);
  const colour = view === 'pretty' && (input.terminal.hasColors?.() ?? false);
  const nameWidth = Math.max(...input.processes.map((running) => running.name.length));
  const logFiles = input.processes.map((running) =>
    serviceLogFile(input.logDir, running.name, input.namespace),
  );
  const done = input.processes.map((running, index) =>
    routeServiceOutput({
      streams: [running.child.stdout, running.child.stderr],
      logFile: logFiles[index],
      format: terminalFormatter({ name: running.name, index, nameWidth, view, colour }),
      terminal: input.terminal,
    }),
  );
  return { logFiles, drained: Promise.all(done).then(() => undefined) };
}
