/**
 * Readiness: the server answers. It deliberately ignores the services: a page renders (with a
 * plain message in the sections of a service that is down) whether or not they answer.
 */
export { GET } from '../live/route';
