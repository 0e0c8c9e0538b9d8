/**
 * The certificates and keys kubeadm writes under /etc/kubernetes/pki, in its order ([certs] lines).
 * The CA certificate is the cluster's own (the one kubeconfigs embed and `kubeadm join` pins); the
 * others are PEM-framed seeded bytes of realistic length: nothing here is real cryptography, but
 * `cat`, `ls -l` and `openssl`-less inspection look right.
 */
import type { VirtualFs } from '../../host/fs';
import type { Random } from '../../random';
import { base64Decode, base64Encode, bytesToBase64 } from '../../util/base64';
import type { Cluster } from '../cluster';
import { DNS_DOMAIN, KUBERNETES_SERVICE_IP, PKI_DIR } from '../constants';

export interface CertSpec {
  /** "apiserver", "etcd/server"... as kubeadm names them. */
  readonly name: string;
  readonly kind: 'ca' | 'cert' | 'sa';
  /** For serving certificates: the SAN line kubeadm prints. */
  readonly sans?: (host: string, ip: string) => string;
}

export const CERTS: readonly CertSpec[] = [
  { name: 'ca', kind: 'ca' },
  {
    name: 'apiserver', kind: 'cert',
    sans: (host, ip) => `DNS names [kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.${DNS_DOMAIN} ${host}] and IPs [${KUBERNETES_SERVICE_IP} ${ip}]`,
  },
  { name: 'apiserver-kubelet-client', kind: 'cert' },
  { name: 'front-proxy-ca', kind: 'ca' },
  { name: 'front-proxy-client', kind: 'cert' },
  { name: 'etcd/ca', kind: 'ca' },
  { name: 'etcd/server', kind: 'cert', sans: (host, ip) => `DNS names [localhost ${host}] and IPs [${ip} 127.0.0.1 ::1]` },
  { name: 'etcd/peer', kind: 'cert', sans: (host, ip) => `DNS names [localhost ${host}] and IPs [${ip} 127.0.0.1 ::1]` },
  { name: 'etcd/healthcheck-client', kind: 'cert' },
  { name: 'apiserver-etcd-client', kind: 'cert' },
  { name: 'sa', kind: 'sa' },
];

export function pem(label: string, random: Random, bytes: number): string {
  const body = bytesToBase64(Array.from({ length: bytes }, () => random.int(256)));
  return `-----BEGIN ${label}-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

/** The CA certificate as PEM text (what /etc/kubernetes/pki/ca.crt holds). */
export function caCertPem(cluster: Cluster): string {
  return base64Decode(cluster.ca.certData) ?? '';
}

/** Writes every certificate and key; returns nothing kubeadm would print beyond the CERTS table. */
export function writePki(fs: VirtualFs, cluster: Cluster, random: Random): void {
  fs.mkdir(`${PKI_DIR}/etcd`, { parents: true });
  for (const cert of CERTS) {
    const base = `${PKI_DIR}/${cert.name}`;
    if (cert.kind === 'sa') {
      fs.writeFile(`${PKI_DIR}/sa.key`, pem('RSA PRIVATE KEY', random, 1192), { mode: 0o600 });
      fs.writeFile(`${PKI_DIR}/sa.pub`, pem('PUBLIC KEY', random, 294));
      continue;
    }
    const crt = cert.name === 'ca' ? caCertPem(cluster) : pem('CERTIFICATE', random, cert.kind === 'ca' ? 774 : 900 + random.int(400));
    fs.writeFile(`${base}.crt`, crt);
    fs.writeFile(`${base}.key`, pem('RSA PRIVATE KEY', random, 1192), { mode: 0o600 });
  }
}

/** A client certificate + key pair as base64 PEM, for kubeconfig client-certificate-data / client-key-data. */
export function clientCredentials(random: Random): { readonly certData: string; readonly keyData: string } {
  return {
    certData: base64Encode(pem('CERTIFICATE', random, 800)),
    keyData: base64Encode(pem('RSA PRIVATE KEY', random, 1192)),
  };
}
