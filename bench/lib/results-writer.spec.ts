import { fileStamp } from './results-writer';

describe('fileStamp', () => {
  it('turns an ISO instant into a file-name-safe stamp to the second', () => {
    expect(fileStamp('2026-11-28T14:03:05.123Z')).toBe('2026-11-28T14-03-05Z');
  });
});
