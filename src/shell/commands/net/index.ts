/**
 * Network clients of the node: curl and httping. Loaded lazily (registry entries in ../index.ts).
 */
export { curl } from './curl';
export { httping } from './httping';
