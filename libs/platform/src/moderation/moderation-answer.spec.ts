import { Logger } from '@nestjs/common';
import { APPLIED_EVENT_MEMORY } from '../messaging/idempotent-effects';
import { ModerationAction } from './moderation-action';
import { answerModerationAction, ModeratedEntity } from './moderation-answer';

interface Thing {
  status: string;
  version: number;
  answered: string[];
}

const action: ModerationAction = {
  eventId: 'a-1',
  correlationId: 'c-1',
  caseId: 'case-1',
  target: { type: 'offer', id: 't-1' },
  action: 'hold',
  reasonCode: 'abuse',
  statement: '',
};
const quiet = { warn: () => undefined } as unknown as Logger;

/** An in-memory entity whose guarded write loses the first `lostRaces` times. */
function entityOf(stored: Thing | undefined, lostRaces = 0) {
  const writes: Parameters<ModeratedEntity<Thing, string>['write']>[0][] = [];
  let losses = lostRaces;
  const entity: ModeratedEntity<Thing, string> = {
    kind: 'thing',
    find: () => Promise.resolve(stored),
    answeredActionIds: (thing) => thing.answered,
    transition: (thing, kind) => (kind === 'hold' && thing.status === 'active' ? 'held' : undefined),
    write: (input) => {
      writes.push(input);
      return Promise.resolve(losses-- <= 0);
    },
  };
  return { entity, writes };
}

describe('answerModerationAction', () => {
  it('writes the change with the remembered action id and reports it applied', async () => {
    const { entity, writes } = entityOf({ status: 'active', version: 3, answered: ['old'] });
    expect(await answerModerationAction(entity, action, quiet)).toBe('applied');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ change: 'held', answeredActionIds: ['old', 'a-1'] });
  });

  it('still answers an action that changes nothing', async () => {
    const { entity, writes } = entityOf({ status: 'held', version: 3, answered: [] });
    expect(await answerModerationAction(entity, action, quiet)).toBe('applied');
    expect(writes[0]).toMatchObject({ change: undefined, answeredActionIds: ['a-1'] });
  });

  it('skips a redelivered action without writing: no second answer, no version bump', async () => {
    const { entity, writes } = entityOf({ status: 'held', version: 4, answered: ['a-1'] });
    expect(await answerModerationAction(entity, action, quiet)).toBe('skipped-duplicate');
    expect(writes).toHaveLength(0);
  });

  it('skips an action about an unknown entity', async () => {
    const { entity, writes } = entityOf(undefined);
    expect(await answerModerationAction(entity, action, quiet)).toBe('skipped-irrelevant');
    expect(writes).toHaveLength(0);
  });

  it('reads and decides again after a lost race', async () => {
    const { entity, writes } = entityOf({ status: 'active', version: 3, answered: [] }, 2);
    expect(await answerModerationAction(entity, action, quiet)).toBe('applied');
    expect(writes).toHaveLength(3);
  });

  it('remembers a bounded number of action ids, forgetting the oldest', async () => {
    const answered = Array.from({ length: APPLIED_EVENT_MEMORY }, (_, i) => `id-${i}`);
    const { entity, writes } = entityOf({ status: 'active', version: 3, answered });
    await answerModerationAction(entity, action, quiet);
    expect(writes[0].answeredActionIds).toHaveLength(APPLIED_EVENT_MEMORY);
    expect(writes[0].answeredActionIds.at(0)).toBe('id-1');
    expect(writes[0].answeredActionIds.at(-1)).toBe('a-1');
  });
});
