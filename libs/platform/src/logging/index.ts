export * from './correlation';
export * from './logging.module';
