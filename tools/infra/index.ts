export { REPO_ROOT, INFRA_DIR, INSTALL_DIRS, instancePaths } from './infra-paths';
export type { InstancePaths } from './infra-paths';
export { chooseInfrastructure, databaseUri, mongoServerUrl, needsDockerProbe } from './choose-infrastructure';
export type { InfrastructureChoice, InfrastructureSource, InfrastructureUse } from './choose-infrastructure';
export {
  currentInfrastructureChoice,
  resolveInfrastructure,
  releaseInfrastructure,
} from './resolve-infrastructure';
export type { ResolvedInfrastructure, StartedComponent, StartedContainer } from './resolve-infrastructure';
export { dockerEngineAvailable } from './docker-engine';
export {
  CONTAINER_IMAGES,
  kafkaContainerPlan,
  mongoContainerPlan,
  kafkaBrokersOf,
  mongoUrlOf,
} from './container-options';
export type { ContainerPlan, KafkaContainerPlan, MongoContainerPlan, WaitPlan } from './container-options';
export {
  ensureNativeInfrastructure,
  stopNativeInfrastructure,
  nativeInfrastructureStatus,
  NATIVE_DEFAULTS,
} from './native-infrastructure';
export type { NativeComponent, ComponentStatus } from './native-infrastructure';
export { installKafka, startNativeKafka, waitForKafka, kafkaAnswers } from './kafka/kafka-launcher';
export type { NativeKafka, NativeKafkaOptions } from './kafka/kafka-launcher';
export { ensureTopics, deleteTopicsWithPrefix } from './kafka/topic-setup';
export type { TopicSetupResult } from './kafka/topic-setup';
export { KAFKA_VERSION } from './kafka/kafka-config';
export {
  installStore,
  startNativeStore,
  waitForStore,
  storeAnswers,
  MONGO_JAVA_SERVER_VERSION,
} from './store/store-launcher';
export type { NativeStore, NativeStoreOptions, StoreBackend } from './store/store-launcher';
export { startFerretDb, installFerretDb, FERRETDB_VERSION } from './ferretdb/ferretdb-launcher';
export { stopProcess, isProcessAlive, runningProcess } from './process-control';
export type { StopResult, ProcessRecord } from './process-control';
export type { Progress } from './progress';
export { freePort } from './free-port';
