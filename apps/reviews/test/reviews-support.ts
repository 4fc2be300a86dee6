import { testToken } from '@app/testing';

export { TopicRecorder, UpstreamEvents } from '@app/testing';

export async function bearer(sub: string, ageVerified = true): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await testToken({ sub, ageVerified })}`,
  };
}

export const GOOD_BODY = 'A careful and well sourced history of how the alliance and the war came about.';
