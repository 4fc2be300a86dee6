import { kafkaServerProperties, newKafkaClusterId } from './kafka-config';

function parse(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('kafkaServerProperties', () => {
  const properties = parse(
    kafkaServerProperties({ host: '127.0.0.1', port: 19092, controllerPort: 19093, logDir: '/d' }),
  );

  it('runs one KRaft node as broker and controller on the given loopback ports', () => {
    expect(properties).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:19093',
      listeners: 'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:19092',
      'controller.listener.names': 'CONTROLLER',
      'log.dirs': '/d',
    });
  });

  it('overrides the defaults that break or slow a single node', () => {
    expect(properties).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'offsets.topic.num.partitions': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'log.cleaner.enable': 'true',
    });
  });
});

describe('newKafkaClusterId', () => {
  it('is 22 base64url characters', () => {
    expect(newKafkaClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never starts with a dash, which the storage tool would read as a flag', () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x01)];
    const id = newKafkaClusterId(() => draws.shift() ?? Buffer.alloc(16, 0x02));
    expect(id.startsWith('-')).toBe(false);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
  });
});
