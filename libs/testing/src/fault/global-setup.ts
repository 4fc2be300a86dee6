import { currentInfrastructureChoice } from '../../../../tools/infra';
import { FAULT_ENV, startFaultKafka, startFaultStore } from './fault-infra';

/**
 * Jest global setup of the fault tier: its own broker and store, started once for the tier. On a
 * Docker engine they are testcontainers on fixed free host ports (a stopped and restarted container
 * must come back where its clients left it); elsewhere, native processes on the tier's ports.
 * Endpoints from the environment are never used: this tier stops what it runs.
 */
export default async function faultGlobalSetup(): Promise<void> {
  const choice = currentInfrastructureChoice('fault-tests');
  if (choice.source === 'testcontainers') {
    const { startInfraContainers } = await import('../../../../tools/infra/testcontainers-infrastructure');
    const started = await startInfraContainers({
      fixedHostPorts: true,
      onProgress: (message) => process.stderr.write(`[fault infra] ${message}\n`),
    });
    process.env[FAULT_ENV.kafkaBrokers] = started.kafkaBrokers.join(',');
    process.env[FAULT_ENV.mongoUrl] = started.mongoUrl;
    process.env[FAULT_ENV.containers] = JSON.stringify(started.containerIds);
    return;
  }
  const [kafkaBrokers, mongoUrl] = await Promise.all([startFaultKafka(), startFaultStore()]);
  process.env[FAULT_ENV.kafkaBrokers] = kafkaBrokers.join(',');
  process.env[FAULT_ENV.mongoUrl] = mongoUrl;
}
