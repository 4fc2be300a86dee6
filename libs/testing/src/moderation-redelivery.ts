import type { ModerationActionKind, ModerationTargetType } from '@app/contracts';
import { expectEventually } from './expect-eventually';
import { TopicRecorder, UpstreamEvents } from './upstream-events';

type Recorded = TopicRecorder['events'][number];

/**
 * The redelivery of a moderation action after its answer was published (a consumer that crashed
 * before committing its offset): the action is sent, answered, and sent again byte for byte; then a
 * marker action about the same target follows. Actions are keyed by target id, so both deliveries
 * sit before the marker in one partition: once the marker is answered, the redelivery has been
 * consumed. The caller's recorder must read the owner's entity topic.
 */
export async function redeliverModerationAction(input: {
  upstream: UpstreamEvents;
  recorder: TopicRecorder;
  targetType: ModerationTargetType;
  targetId: string;
  action: ModerationActionKind;
  marker: ModerationActionKind;
}): Promise<{ answers: Recorded[]; markerAnswer: Recorded }> {
  const { upstream, recorder, targetType, targetId } = input;
  const answersTo = (eventId: string) => recorder.events.filter((e) => e.causationId === eventId);
  const actionId = await upstream.moderate({ targetType, targetId, action: input.action });
  await expectEventually(() => expect(answersTo(actionId)).toHaveLength(1));
  await upstream.redeliver(actionId);
  const markerId = await upstream.moderate({ targetType, targetId, action: input.marker });
  await expectEventually(() => expect(answersTo(markerId)).toHaveLength(1));
  return { answers: answersTo(actionId), markerAnswer: answersTo(markerId)[0] };
}
