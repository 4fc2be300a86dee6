import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLogView, routeServiceOutput, serviceLogFile, terminalFormatter } from './service-logs';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    level: 30,
    time: Date.UTC(2026, 11, 4, 16, 0, 0),
    pid: 7,
    hostname: 'h',
    service: 'catalog',
    ...fields,
  });

describe('chooseLogView', () => {
  it('is pretty on a terminal and JSON anywhere else', () => {
    expect(chooseLogView(true)).toBe('pretty');
    expect(chooseLogView(false)).toBe('json');
    expect(chooseLogView(undefined)).toBe('json');
  });
});

describe('serviceLogFile', () => {
  it('names the file after the service, and after the namespace of a second copy', () => {
    expect(serviceLogFile('/r/.infra/logs', 'offers')).toBe('/r/.infra/logs/offers.log');
    expect(serviceLogFile('/r/.infra/logs', 'offers', 'run1')).toBe('/r/.infra/logs/run1-offers.log');
  });
});

describe('terminalFormatter', () => {
  const pretty = (colour = false) =>
    terminalFormatter({ name: 'catalog', index: 0, nameWidth: 8, view: 'pretty', colour });

  it('keeps JSON lines as they are in the JSON view', () => {
    const format = terminalFormatter({
      name: 'catalog',
      index: 0,
      nameWidth: 8,
      view: 'json',
      colour: false,
    });
    expect(format(line({ msg: 'hi' }))).toBe(`${line({ msg: 'hi' })}\n`);
  });

  it('shows a log line as name column, level, context and message, without pid, host or service', () => {
    const shown = pretty()(line({ context: 'NestApplication', msg: 'started' }));
    expect(shown).toMatch(/^catalog {2}\| \[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[NestApplication\] started\n$/);
    expect(shown).not.toContain('hostname');
  });

  it('shows a request as method, path, status and duration, its correlation id kept', () => {
    const shown = pretty()(
      line({
        req: { method: 'GET', url: '/products' },
        res: { statusCode: 200 },
        responseTime: 3,
        correlationId: 'c-1',
        msg: 'request completed',
      }),
    );
    expect(shown).toContain('INFO: request completed GET /products 200 3 ms {"correlationId":"c-1"}');
  });

  it("colours the service's name column when colour is on", () => {
    expect(pretty(true)(line({ msg: 'hi' }))?.startsWith('\u001b[36mcatalog  |\u001b[39m ')).toBe(true);
  });

  it('passes a line that is not JSON through under the name column', () => {
    expect(pretty()('    at main (main.js:1:1)')).toBe('catalog  |     at main (main.js:1:1)\n');
  });

  it("hides Nest's module and route listing, which stays in the file", () => {
    expect(
      pretty()(line({ context: 'RouterExplorer', msg: 'Mapped {/products, GET} route' })),
    ).toBeUndefined();
  });
});

describe('routeServiceOutput', () => {
  it('writes every line of stdout and stderr to the log file and the shown ones to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-logs-'));
    try {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const terminal = new PassThrough();
      let shown = '';
      terminal.on('data', (chunk: Buffer) => (shown += chunk.toString()));
      const logFile = join(dir, 'logs', 'catalog.log');
      const done = routeServiceOutput({
        streams: [stdout, stderr],
        logFile,
        format: (text) => (text.startsWith('hidden') ? undefined : `> ${text}\n`),
        terminal,
      });
      stdout.end('{"msg":"one"}\nhidden line\n');
      stderr.end('a warning\n');
      await done;
      expect(readFileSync(logFile, 'utf8').split('\n').sort()).toEqual(
        ['', '{"msg":"one"}', 'a warning', 'hidden line'].sort(),
      );
      expect(shown.split('\n').sort()).toEqual(['', '> {"msg":"one"}', '> a warning'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
