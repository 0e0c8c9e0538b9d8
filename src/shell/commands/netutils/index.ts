/**
 * Network tools of a node, and of a busybox container under kubectl exec: ping, nslookup, dig,
 * wget. Loaded lazily, as one chunk (registry entries in ../index.ts).
 */
export { ping } from './ping';
export { nslookup, dig } from './dns';
export { wget } from './wget';
