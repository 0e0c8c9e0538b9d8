/**
 * The filesystem a pod's container sees: the image's files (busybox's /bin, nginx's html root,
 * the web UI's static files…), the files the kubelet mounts into every container
 * (/etc/hostname, the Kubernetes-managed /etc/hosts, /etc/resolv.conf pointing at cluster DNS, the
 * service account's token, CA and namespace, /dev/termination-log), and a writable layer of the
 * container instance's own (`echo hi > /usr/share/nginx/html/index.html` is served until the
 * container restarts, as with a real container's writable layer).
 */
import { resolvePath } from '../host/fs';
import { NGINX_WELCOME_PAGE } from '../apps/nginx';
import { dockercoinsFiles } from '../sources/dockercoins';
import type { PodImage } from './images';

export interface ContainerFiles {
  readonly workingDir: string;
  readFile(path: string): string | undefined;
  /** Entries of a directory, sorted; undefined when it is not one. */
  list(path: string): string[] | undefined;
  /** Writes (or appends to) a file; false when its directory does not exist or it is one. */
  writeFile(path: string, text: string, append?: boolean): boolean;
  remove(path: string): boolean;
  mkdir(path: string): boolean;
}

const BASE_DIRS = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

/** busybox's applets (the ones a learner reaches for), linked in /bin. */
const BUSYBOX = [
  'arch', 'ash', 'base64', 'busybox', 'cat', 'chmod', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env', 'expr', 'false', 'find',
  'grep', 'head', 'hostname', 'id', 'ip', 'kill', 'less', 'ln', 'ls', 'mkdir', 'more', 'mv', 'nc', 'netstat', 'nslookup', 'ping', 'printenv',
  'printf', 'ps', 'pwd', 'rm', 'sed', 'seq', 'sh', 'sleep', 'sort', 'tail', 'tee', 'test', 'top', 'touch', 'tr', 'true', 'uname', 'vi', 'watch',
  'wc', 'wget', 'which', 'whoami', 'yes',
];
/** A Debian base image's coreutils and shells (no ping, no wget, no ps). */
const DEBIAN = [
  'bash', 'cat', 'chmod', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env', 'expr', 'false', 'find', 'grep', 'head', 'hostname',
  'id', 'kill', 'ln', 'ls', 'mkdir', 'more', 'mv', 'printenv', 'printf', 'pwd', 'rm', 'sed', 'seq', 'sh', 'sleep', 'sort', 'tail', 'tee', 'test',
  'touch', 'tr', 'true', 'uname', 'wc', 'which', 'whoami', 'yes',
];

const NGINX_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
`;

let webuiFiles: ReadonlyMap<string, string> | undefined;

/** The files an image ships, by repository. */
function imageFiles(repository: string, image: PodImage): Map<string, string> {
  const files = new Map<string, string>();
  const bins = image.flavour === 'busybox' ? BUSYBOX : image.flavour === 'debian' ? DEBIAN : [];
  for (const bin of bins) files.set(`/bin/${bin}`, '');
  if (image.os) files.set('/etc/os-release', `PRETTY_NAME="${image.os}"\n`);
  for (const path of Object.keys(image.binaries ?? {})) files.set(path, '');
  if (repository.endsWith('/nginx')) {
    files.set('/usr/share/nginx/html/index.html', NGINX_WELCOME_PAGE);
    files.set('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n');
    files.set('/etc/nginx/conf.d/default.conf', NGINX_CONF);
    files.set('/usr/sbin/nginx', '');
    files.set('/docker-entrypoint.sh', '');
  }
  if (repository.endsWith('/redis')) files.set('/usr/local/bin/redis-server', '');
  if (repository === 'docker.io/dockercoins/webui') {
    webuiFiles ??= new Map(dockercoinsFiles().filter((f) => f.path.startsWith('webui/files/')).map((f) => [`/files/${f.path.slice('webui/files/'.length)}`, f.content]));
    for (const [path, content] of webuiFiles) files.set(path, content);
  }
  return files;
}

export interface PodFiles {
  readonly hostname: string;
  readonly ip: string;
  readonly namespace: string;
  readonly hostNetwork: boolean;
  /** ClusterFirst pods get cluster DNS; Default (and host-network pods) the node's resolver. */
  readonly clusterDns: string | undefined;
  /** The service account's token and the cluster CA, when one is mounted. */
  readonly serviceAccount: { readonly token: string; readonly caCrt: string } | undefined;
}

/** What the kubelet mounts into each container of a pod. */
function mountedFiles(pod: PodFiles): Map<string, string> {
  const files = new Map<string, string>([['/dev/termination-log', ''], ['/etc/hostname', `${pod.hostname}\n`]]);
  if (!pod.hostNetwork) {
    files.set('/etc/hosts', [
      '# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::0\tip6-localnet',
      'fe00::0\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters', `${pod.ip}\t${pod.hostname}`, '',
    ].join('\n'));
  }
  files.set('/etc/resolv.conf', pod.clusterDns
    ? `search ${pod.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${pod.clusterDns}\noptions ndots:5\n`
    : 'nameserver 127.0.0.11\n');
  if (pod.serviceAccount) {
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
    files.set(`${dir}/ca.crt`, pod.serviceAccount.caCrt);
    files.set(`${dir}/namespace`, pod.namespace);
    files.set(`${dir}/token`, pod.serviceAccount.token);
  }
  return files;
}

/** One container instance's view: image files under mounts under its own writable layer. */
export function containerFiles(repository: string, image: PodImage, pod: PodFiles): ContainerFiles {
  const lower = new Map([...imageFiles(repository, image), ...mountedFiles(pod)]);
  /** The writable layer: a file's text, or null once deleted. */
  const upper = new Map<string, string | null>();
  const madeDirs = new Set<string>();
  const cwd = image.workingDir || '/';
  const abs = (path: string): string => resolvePath(path, cwd);
  const fileAt = (p: string): string | undefined => {
    if (p === '/dev/null') return '';
    const up = upper.get(p);
    if (up !== undefined) return up ?? undefined;
    return lower.get(p);
  };
  const isDir = (p: string): boolean => {
    if (p === '/' || BASE_DIRS.includes(p.slice(1)) || madeDirs.has(p)) return true;
    const prefix = `${p}/`;
    for (const [path, text] of upper) if (text !== null && path.startsWith(prefix)) return true;
    for (const path of lower.keys()) if (path.startsWith(prefix) && upper.get(path) !== null) return true;
    return false;
  };
  const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
  return {
    workingDir: cwd,
    readFile: (path) => fileAt(abs(path)),
    list(path) {
      const p = abs(path);
      if (!isDir(p)) return undefined;
      const prefix = p === '/' ? '/' : `${p}/`;
      const names = new Set<string>(p === '/' ? BASE_DIRS : []);
      const add = (full: string): void => {
        if (full.startsWith(prefix) && full.length > prefix.length) names.add(full.slice(prefix.length).split('/')[0]!);
      };
      for (const full of lower.keys()) if (upper.get(full) !== null) add(full);
      for (const [full, text] of upper) if (text !== null) add(full);
      for (const dir of madeDirs) add(dir);
      return [...names].sort();
    },
    writeFile(path, text, append = false) {
      const p = abs(path);
      if (p === '/dev/null') return true;
      if (isDir(p) || !isDir(parentOf(p))) return false;
      upper.set(p, append ? (fileAt(p) ?? '') + text : text);
      return true;
    },
    remove(path) {
      const p = abs(path);
      if (fileAt(p) === undefined) return false;
      upper.set(p, null);
      return true;
    },
    mkdir(path) {
      const p = abs(path);
      if (isDir(p) || fileAt(p) !== undefined || !isDir(parentOf(p))) return false;
      madeDirs.add(p);
      return true;
    },
  };
}
