export * from './moderation-action';
export * from './moderation-answer';
