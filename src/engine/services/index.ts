/**
 * Services, Endpoints, kube-proxy and CoreDNS: what src/engine/index.ts re-exports from here.
 */
export { installServiceAdmission } from './admission';
export { NODE_PORT_FIRST, NODE_PORT_LAST } from './allocators';
export { validateService } from './validation';
export { EndpointsController, TRIGGER_TIME, HEADLESS_LABEL } from './endpointsController';
export { EndpointSliceController, SERVICE_NAME_LABEL } from './endpointSliceController';
export { serviceNetworkOf, ServiceNetwork, PACKET_LOG_SIZE, PACKET_WINDOW_MS } from './serviceNetwork';
export type { PodDnsQuery, PodDnsResult, EchoResult } from './serviceNetwork';
export { DNS_TIMEOUT_MS, DNS_ATTEMPTS, NDOTS, searchDomains, podResolvConf, candidates } from './coreDns';
export type { DnsAnswer } from './coreDns';
export { serviceEnv } from './serviceEnv';
export { packetsOf } from './packetProbe';
export type { OverlayPacket } from './packetProbe';
