import { failingAudits, LighthouseReport, lighthouseScores, missedGoals } from './lighthouse';

function report(scores: Record<string, number | null>): LighthouseReport {
  return {
    categories: Object.fromEntries(
      Object.entries(scores).map(([id, score]) => [
        id,
        {
          score,
          auditRefs: [
            { id: `${id}-good`, weight: 3 },
            { id: `${id}-bad`, weight: 1 },
            { id: `${id}-informative`, weight: 0 },
          ],
        },
      ]),
    ),
    audits: Object.fromEntries(
      Object.keys(scores).flatMap((id) => [
        [`${id}-good`, { title: `${id} passes`, score: 1 }],
        [`${id}-bad`, { title: `${id} fails`, score: 0.4 }],
        [`${id}-informative`, { title: `${id} informs`, score: 0 }],
      ]),
    ),
  };
}

describe('lighthouseScores', () => {
  it('reads the four categories as 0-100 scores, rounded as Lighthouse shows them', () => {
    const scores = lighthouseScores(
      report({ performance: 0.915, accessibility: 1, 'best-practices': 0.96, seo: 0.944, pwa: 0.1 }),
    );
    expect(scores).toEqual({ performance: 92, accessibility: 100, 'best-practices': 96, seo: 94 });
    expect(missedGoals(scores)).toEqual(['seo']);
  });

  it('refuses a report where a category did not score, or Lighthouse hit a runtime error', () => {
    expect(() =>
      lighthouseScores(report({ performance: null, accessibility: 1, 'best-practices': 1, seo: 1 })),
    ).toThrow(/no performance score/);
    expect(() =>
      lighthouseScores({
        ...report({ performance: 1, accessibility: 1, 'best-practices': 1, seo: 1 }),
        runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' },
      }),
    ).toThrow(/NO_FCP/);
  });
});

describe('failingAudits', () => {
  it("names a category's weighted audits that did not pass", () => {
    const lhr = report({ performance: 0.8, accessibility: 1, 'best-practices': 1, seo: 1 });
    expect(failingAudits(lhr, 'performance')).toEqual(['performance fails']);
  });
});
