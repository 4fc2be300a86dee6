import { summaryBlock } from './summary';

describe('summaryBlock', () => {
  const block = (colour = false) =>
    summaryBlock({
      entries: [
        { name: 'catalog', url: 'http://127.0.0.1:3001', links: ['/docs', '/health/details'] },
        { name: 'web', url: 'http://127.0.0.1:3000' },
      ],
      demo: ['seed book p-1 (created): http://127.0.0.1:3001/products/p-1'],
      logFiles: ['/repo/.infra/logs/catalog.log', '/repo/.infra/logs/web.log'],
      repoRoot: '/repo',
      colour,
    });

  it('lists every URL, the demo data, the log files and how to get a token, between two rules', () => {
    const lines = block();
    expect(lines[0]).toMatch(/^-{20,}$/);
    expect(lines.at(-1)).toBe(lines[0]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'the marketplace is up',
        '  catalog  http://127.0.0.1:3001   http://127.0.0.1:3001/docs   http://127.0.0.1:3001/health/details',
        '  web      http://127.0.0.1:3000',
        'demo: seed book p-1 (created): http://127.0.0.1:3001/products/p-1',
        'logs (JSON): .infra/logs/catalog.log, .infra/logs/web.log',
        'press Ctrl-C to stop',
      ]),
    );
    expect(lines.some((line) => line.startsWith('tokens for signed-in routes: npm run token'))).toBe(true);
  });

  it('puts the heading in bold only when colour is on', () => {
    expect(block(true)).toContain('\u001b[1mthe marketplace is up\u001b[22m');
  });
});
