import { testToken } from '@app/testing';

export { TopicRecorder, UpstreamEvents } from '@app/testing';

export async function sellerHeaders(sellerId: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await testToken({ roles: ['seller'], sellerId, sub: `acc-${sellerId}` })}`,
  };
}
