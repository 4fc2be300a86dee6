import { composeDown } from './docker-infrastructure';
import { KAFKA_VERSION } from './kafka/kafka-config';
import { ensureTopics } from './kafka/topic-setup';
import { nativeInfrastructureStatus, stopNativeInfrastructure } from './native-infrastructure';
import { currentInfrastructureChoice, resolveInfrastructure } from './resolve-infrastructure';
import { MONGO_JAVA_SERVER_VERSION } from './store/store-launcher';

/*
 * npm run infra:up | infra:down | infra:status
 * Starts, stops and reports Kafka and the MongoDB-wire store for local development.
 */

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function up(): Promise<void> {
  const started = Date.now();
  const infra = await resolveInfrastructure({ onProgress: (m) => print(`  ${m}`) });
  const topics = await ensureTopics(infra.kafkaBrokers, '');
  const what =
    infra.source === 'native'
      ? `native: Apache Kafka ${KAFKA_VERSION}, mongo-java-server ${MONGO_JAVA_SERVER_VERSION} (H2)`
      : infra.source;
  print(`infrastructure: ${what}`);
  print(
    `  started now: ${infra.started.length > 0 ? infra.started.join(', ') : 'nothing (already running)'}`,
  );
  print(`  topics: ${topics.created.length} created, ${topics.existing.length} already there`);
  for (const name of topics.mismatched) {
    print(`  warning: topic ${name} has fewer partitions than libs/contracts declares`);
  }
  print(`KAFKA_BROKERS=${infra.kafkaBrokers.join(',')}`);
  print(`MONGODB_URI=${infra.mongoUrl}`);
  print(`up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function down(): Promise<void> {
  const choice = currentInfrastructureChoice('start');
  if (choice.source === 'docker') {
    composeDown();
    print('docker compose (profile infra): stopped');
  }
  const results = await stopNativeInfrastructure();
  for (const [component, result] of Object.entries(results)) print(`${component}: ${result}`);
  if (choice.source === 'environment') {
    print('KAFKA_BROKERS and MONGODB_URI are set: that infrastructure is not ours to stop');
  }
}

async function status(): Promise<void> {
  const choice = currentInfrastructureChoice('start');
  print(`source for npm start: ${choice.source}`);
  // The test tiers start their own containers per run where npm start would use compose.
  print(`source for the integration tests: ${currentInfrastructureChoice('tests').source}`);
  if (choice.source === 'environment') {
    print(`  KAFKA_BROKERS=${choice.kafkaBrokers.join(',')}  MONGODB_URI=${choice.mongoUrl}`);
  }
  for (const s of await nativeInfrastructureStatus()) {
    const pid = s.pid ? `pid ${s.pid}` : '';
    print(
      `${s.component.padEnd(6)} ${s.state.padEnd(10)} ${pid.padEnd(11)} ${s.endpoint}  (log ${s.logFile})`,
    );
  }
}

const commands: Record<string, () => Promise<void>> = { up, down, status };

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (!command) {
    print('usage: ts-node tools/infra/cli.ts up|down|status');
    process.exitCode = 2;
    return;
  }
  await command();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
