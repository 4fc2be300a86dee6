import { stopFaultKafka, stopFaultStore } from './fault-infra';

export default async function faultGlobalTeardown(): Promise<void> {
  await Promise.all([stopFaultKafka(), stopFaultStore()]);
}
