/**
 * ValidateService of Kubernetes v1.27 for what a learner can get wrong, with its messages: the
 * name, ports (names, numbers, protocols, target ports, duplicates), the type, NodePorts on a
 * ClusterIP Service, headless NodePorts, malformed ClusterIPs and an ExternalName without a name.
 * Returns the causes in the order the API server lists them.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { isIpv4 } from '../net/resolve';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const bad = (path: string, value: unknown, msg: string) => `${path}: Invalid value: ${show(value)}: ${msg}`;
const quoted = (list: readonly string[]) => list.map((x) => `"${x}"`).join(', ');

function labelErrors(path: string, value: string, rfc1035: boolean): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push(bad(path, value, 'must be no more than 63 characters'));
  if (!(rfc1035 ? DNS1035 : DNS1123).test(value)) {
    out.push(bad(path, value, rfc1035
      ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
      : "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
  }
  return out;
}

/** IsValidPortName: an IANA service name, what a named targetPort must be. */
function portNameErrors(name: string): string[] {
  const out: string[] = [];
  if (name.length > 15) out.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) out.push('must contain at least one letter (a-z)');
  if (name.includes('--')) out.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) out.push('must not begin or end with a hyphen');
  return out;
}

const validPort = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;

function portErrors(p: ServicePort, path: string, requireName: boolean, names: Set<string>): string[] {
  const out: string[] = [];
  if (requireName && !p.name) out.push(`${path}.name: Required value`);
  else if (p.name) {
    out.push(...labelErrors(`${path}.name`, p.name, false));
    if (names.has(p.name)) out.push(`${path}.name: Duplicate value: ${show(p.name)}`);
    names.add(p.name);
  }
  if (!validPort(p.port)) out.push(bad(`${path}.port`, p.port, PORT_RANGE));
  if (!p.protocol) out.push(`${path}.protocol: Required value`);
  else if (!PROTOCOLS.includes(p.protocol)) out.push(`${path}.protocol: Unsupported value: ${show(p.protocol)}: supported values: ${quoted(PROTOCOLS)}`);
  const target = p.targetPort;
  if (typeof target === 'string') for (const msg of portNameErrors(target)) out.push(bad(`${path}.targetPort`, target, msg));
  else if (!validPort(target)) out.push(bad(`${path}.targetPort`, target, PORT_RANGE));
  return out;
}

/** The validation causes of a Service about to be stored (already defaulted), [] when valid. */
export function validateService(svc: Service, current: Service | undefined): string[] {
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  const type = spec.type ?? 'ClusterIP';
  const out: string[] = [];
  // ValidateServiceUpdate: the primary ClusterIP stays, unless the type moves to or from ExternalName.
  const before = current?.spec?.clusterIPs?.[0];
  const after = spec.clusterIPs?.[0];
  if (before && after && before !== after && current?.spec?.type !== 'ExternalName' && type !== 'ExternalName') {
    out.push(`spec.clusterIPs[0]: Invalid value: []string{${(spec.clusterIPs ?? []).map((x) => JSON.stringify(x)).join(', ')}}: may not change once set`);
  }
  out.push(...labelErrors('metadata.name', svc.metadata?.name ?? '', true));
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') out.push('spec.ports: Required value');
  if (type === 'ExternalName') {
    if (!spec.externalName) out.push('spec.externalName: Required value');
    if (spec.clusterIP) out.push(bad('spec.clusterIP', spec.clusterIP, 'must be empty for ExternalName services'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => out.push(...portErrors(p, `spec.ports[${i}]`, ports.length > 1, names)));
  if (!TYPES.includes(type)) out.push(`spec.type: Unsupported value: ${show(type)}: supported values: ${quoted(TYPES)}`);
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) out.push(`spec.ports[${i}].nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'`);
    });
  }
  if (headless && type === 'NodePort') out.push(bad('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    // Go prints the duplicate key with %#v: a ServicePort holding only protocol and port.
    if (seen.has(key)) {
      out.push(`spec.ports[${i}]: Duplicate value: core.ServicePort{Name:"", Protocol:"${p.protocol ?? ''}", AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`);
    }
    seen.add(key);
  });
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (!(i === 0 && ip === 'None') && !isIpv4(ip)) out.push(bad(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
  });
  return out;
}
