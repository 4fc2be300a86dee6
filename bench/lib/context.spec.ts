import { benchDatabaseName, newRunPrefix } from './context';

describe('newRunPrefix', () => {
  it('is time-ordered, with a short random suffix, and usable as a topic and database name part', () => {
    const prefix = newRunPrefix(1_732_800_000_123, () => 0.5);
    expect(prefix).toMatch(/^bench-1732800000123-[0-9a-z]{4}$/);
    expect(benchDatabaseName(prefix, 'probe')).toBe(`${prefix}_probe`);
  });
});

describe('benchDatabaseName', () => {
  it('refuses names MongoDB would refuse', () => {
    expect(() => benchDatabaseName('bench-1', 'with.dot')).toThrow('not a usable database name');
    expect(() => benchDatabaseName('bench-1', 'x'.repeat(60))).toThrow('63 at most');
  });
});
