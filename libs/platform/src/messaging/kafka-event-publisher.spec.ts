import { KafkaNaming, Topic } from '@app/contracts';
import { MetricsService } from '../metrics/metrics.service';
import { KafkaConnection } from './kafka-connection';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { OutboundMessage } from './outbound-message';

function message(key: string, eventId = key): OutboundMessage {
  return { eventId, topic: Topic.OffersOffer, key, value: `{"k":"${key}"}`, headers: {} };
}

/** A producer whose requests complete when the test says so, recording what each carried. */
function fakeConnection() {
  const requests: { keys: string[]; finish: (error?: Error) => void }[] = [];
  const producer = {
    sendBatch: ({ topicMessages }: { topicMessages: { messages: { key: string }[] }[] }) =>
      new Promise<void>((resolve, reject) => {
        const keys = topicMessages.flatMap((t) => t.messages.map((m) => m.key));
        requests.push({ keys, finish: (error) => (error ? reject(error) : resolve()) });
      }),
  };
  const connection = { naming: new KafkaNaming('t.'), producer: () => Promise.resolve(producer) };
  return { connection: connection as unknown as KafkaConnection, requests };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('KafkaEventPublisher', () => {
  it('combines the calls that arrive while a request is in flight into the next request, in order', async () => {
    const { connection, requests } = fakeConnection();
    const publisher = new KafkaEventPublisher(connection, new MetricsService());
    const first = publisher.publish([message('a')]);
    await flush();
    const rest = [publisher.publish([message('b'), message('c')]), publisher.publish([message('d')])];
    await flush();
    expect(requests.map((r) => r.keys)).toEqual([['a']]);
    requests[0].finish();
    await first;
    await flush();
    expect(requests.map((r) => r.keys)).toEqual([['a'], ['b', 'c', 'd']]);
    requests[1].finish();
    await Promise.all(rest);
  });

  it('rejects every caller whose messages were in a failed request, and carries on', async () => {
    const { connection, requests } = fakeConnection();
    const publisher = new KafkaEventPublisher(connection, new MetricsService());
    const first = publisher.publish([message('a')]);
    await flush();
    const second = publisher.publish([message('b')]);
    const third = publisher.publish([message('c')]);
    requests[0].finish(new Error('broker gone'));
    await expect(first).rejects.toThrow('broker gone');
    await flush();
    requests[1].finish(new Error('still gone'));
    await expect(second).rejects.toThrow('still gone');
    await expect(third).rejects.toThrow('still gone');
    const fourth = publisher.publish([message('d')]);
    await flush();
    requests[2].finish();
    await expect(fourth).resolves.toBeUndefined();
  });
});
