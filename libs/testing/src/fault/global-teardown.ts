import { faultContainerIds, stopFaultKafka, stopFaultStore } from './fault-infra';

/** Removes the tier's containers, or stops its native processes: whichever the setup started. */
export default async function faultGlobalTeardown(): Promise<void> {
  const ids = faultContainerIds();
  if (ids) {
    const { removeContainers } = await import('../../../../tools/infra/testcontainers-infrastructure');
    await removeContainers([ids.kafka, ids.store]);
    return;
  }
  await Promise.all([stopFaultKafka(), stopFaultStore()]);
}
