import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedKafkaFiles } from './kafka-manifests';

/** Writes the KafkaTopic and KafkaUser manifests derived from libs/contracts. */
const root = resolve(__dirname, '..');
for (const [path, content] of Object.entries(generatedKafkaFiles())) {
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote ${path}\n`);
}
