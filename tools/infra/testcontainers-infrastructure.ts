import { KafkaContainer } from '@testcontainers/kafka';
import { MongoDBContainer } from '@testcontainers/mongodb';
import { MongoClient } from 'mongodb';
import { getContainerRuntimeClient, GenericContainer, RandomPortGenerator, Wait } from 'testcontainers';
import {
  ContainerPlan,
  kafkaBrokersOf,
  kafkaContainerPlan,
  KafkaContainerPlan,
  mongoContainerPlan,
  MongoContainerPlan,
  mongoUrlOf,
} from './container-options';
import { waitForKafka } from './kafka/kafka-launcher';
import { Progress, quiet } from './progress';

/*
 * The test tiers' Docker path: Kafka and MongoDB from testcontainers, one fresh pair per run,
 * stopped and removed by the tier's global teardown (and by testcontainers' Ryuk container if the
 * run dies first). Written and unit-tested on machines without a Docker engine, so never run by
 * our CI: see the README's Infrastructure section.
 */

/** Docker's ids of the containers of one run, by the component they stand for. */
export interface InfraContainerIds {
  readonly kafka: string;
  readonly store: string;
}

export interface StartedInfraContainers {
  readonly kafkaBrokers: string[];
  readonly mongoUrl: string;
  readonly containerIds: InfraContainerIds;
}

/**
 * @testcontainers/kafka binds its client port to a random host port while it creates the
 * container, after any binding of ours; this puts a fixed binding back when the plan asks for one.
 */
class KafkaContainerOnPort extends KafkaContainer {
  constructor(private readonly plan: KafkaContainerPlan) {
    super(plan.image);
  }

  protected override async beforeContainerCreated(): Promise<void> {
    await super.beforeContainerCreated();
    if (this.plan.hostPort !== undefined) {
      this.withExposedPorts({ container: this.plan.containerPort, host: this.plan.hostPort });
    }
  }
}

function applyPlan<C extends GenericContainer>(container: C, plan: ContainerPlan): C {
  if (plan.hostPort !== undefined) {
    container.withExposedPorts({ container: plan.containerPort, host: plan.hostPort });
  }
  container.withEnvironment({ ...plan.environment }).withStartupTimeout(plan.startupTimeoutMs);
  if (plan.wait.kind === 'log') container.withWaitStrategy(Wait.forLogMessage(plan.wait.message));
  // 'health-check': the module's own wait strategy already waits for its health check.
  return container;
}

/** The Kafka container of a plan, not started (no engine needed until `start()`). */
export function kafkaContainer(plan: KafkaContainerPlan): KafkaContainer {
  return applyPlan(new KafkaContainerOnPort(plan).withKraft(), plan);
}

/** The MongoDB container of a plan, not started. */
export function mongoContainer(plan: MongoContainerPlan): MongoDBContainer {
  return applyPlan(new MongoDBContainer(plan.image), plan);
}

/** Two distinct host ports free right now (the generator may hand out the same one twice). */
async function twoFreePorts(): Promise<[number, number]> {
  const ports = new RandomPortGenerator();
  const first = await ports.generatePort();
  let second = await ports.generatePort();
  while (second === first) second = await ports.generatePort();
  return [first, second];
}

/**
 * Starts Kafka and MongoDB side by side. `fixedHostPorts` picks free host ports first and binds
 * them, so that the fault tier can stop and start a container and find it where it was.
 */
export async function startInfraContainers(
  options: { fixedHostPorts?: boolean; onProgress?: Progress } = {},
): Promise<StartedInfraContainers> {
  const onProgress = options.onProgress ?? quiet;
  const [kafkaPort, storePort] = options.fixedHostPorts ? await twoFreePorts() : [undefined, undefined];
  const kafkaPlan = kafkaContainerPlan({ hostPort: kafkaPort });
  const mongoPlan = mongoContainerPlan({ hostPort: storePort });
  onProgress(`starting ${kafkaPlan.image} and ${mongoPlan.image} with testcontainers`);
  const [kafka, mongo] = await Promise.allSettled([
    kafkaContainer(kafkaPlan).start(),
    mongoContainer(mongoPlan).start(),
  ]);
  if (kafka.status === 'rejected' || mongo.status === 'rejected') {
    const started = [kafka, mongo].flatMap((r) => (r.status === 'fulfilled' ? [r.value.getId()] : []));
    await removeContainers(started);
    const failure: unknown =
      kafka.status === 'rejected' ? kafka.reason : (mongo as PromiseRejectedResult).reason;
    throw new Error(
      'testcontainers could not start Kafka and MongoDB (INFRA_SOURCE=native uses native processes ' +
        `instead): ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
  const k = kafka.value;
  const m = mongo.value;
  return {
    kafkaBrokers: kafkaBrokersOf(k.getHost(), k.getMappedPort(kafkaPlan.containerPort)),
    mongoUrl: mongoUrlOf(m.getHost(), m.getMappedPort(mongoPlan.containerPort)),
    containerIds: { kafka: k.getId(), store: m.getId() },
  };
}

/** Stops and removes containers with their anonymous volumes; a container already gone is fine. */
export async function removeContainers(ids: readonly string[]): Promise<void> {
  const client = await getContainerRuntimeClient();
  await Promise.all(
    ids.map(async (id) => {
      const container = client.container.getById(id);
      await client.container.stop(container, { timeout: 10_000 }).catch(() => undefined);
      await client.container.remove(container, { removeVolumes: true }).catch(() => undefined);
    }),
  );
}

/** Stops a container and keeps it, data included, for `startContainer` (the fault tier's outages). */
export async function stopContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  await client.container.stop(client.container.getById(id), { timeout: 10_000 });
}

export async function startContainer(id: string): Promise<void> {
  const client = await getContainerRuntimeClient();
  await client.container.start(client.container.getById(id));
}

/** After a restart: Kafka answers metadata requests again. */
export async function waitForContainerKafka(brokers: string[]): Promise<void> {
  await waitForKafka({ brokers, timeoutMs: 180_000 });
}

/** After a restart: the replica set's only member is primary again, so writes are accepted. */
export async function waitForWritablePrimary(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      if (hello.isWritablePrimary === true) return;
    } catch {
      // not up yet
    } finally {
      await client.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`MongoDB at ${url} did not become primary in time`);
}
