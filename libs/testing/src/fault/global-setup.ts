import { startFaultKafka, startFaultStore } from './fault-infra';

/** Jest global setup of the fault tier: its own broker and store, started once for the tier. */
export default async function faultGlobalSetup(): Promise<void> {
  await Promise.all([startFaultKafka(), startFaultStore()]);
}
