import { CONSUMER_GROUP_TOPICS, ConsumerGroup } from './consumer-groups';
import { KafkaNaming } from './naming';
import { topicPlan } from './topic-plan';
import { Topic, TOPIC_SPECS } from './topics';

describe('topic naming and plan', () => {
  it('prefixes topics, groups and dead-letter topics for an isolated run', () => {
    const naming = new KafkaNaming('t1.');
    expect(naming.topic(Topic.OffersOffer)).toBe('t1.offers.offer.v1');
    expect(naming.group(ConsumerGroup.OffersSummaryBuilder)).toBe('t1.offers.summary-builder');
    expect(naming.deadLetterTopic(ConsumerGroup.Reports)).toBe('t1.dlq.reports');
    expect(naming.logicalTopic('t1.offers.offer.v1')).toBe(Topic.OffersOffer);
    expect(naming.logicalTopic('t2.offers.offer.v1')).toBeUndefined();
  });

  it('refuses a prefix that is not a legal topic name', () => {
    expect(() => new KafkaNaming('bad prefix/')).toThrow(/prefix/);
  });

  it('plans every entity topic and one dead-letter topic per consumer group', () => {
    const plan = topicPlan(new KafkaNaming());
    const names = plan.map((t) => t.name);
    for (const spec of TOPIC_SPECS) expect(names).toContain(spec.name);
    for (const group of Object.keys(CONSUMER_GROUP_TOPICS)) expect(names).toContain(`dlq.${group}`);
    expect(plan.find((t) => t.name === Topic.CatalogProduct)?.configs['cleanup.policy']).toBe('compact');
    expect(plan.find((t) => t.name === Topic.ModerationAction)?.configs['retention.ms']).toBeDefined();
  });
});
