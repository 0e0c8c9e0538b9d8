/**
 * A machine of the playground, as Play with Kubernetes gave them: a CentOS 7 box named node1 or
 * node2 with an address in 192.168.0.0/24, root's home in /root, kubeadm, kubelet and kubectl
 * installed but nothing running yet.
 */
import type { Random } from '../random';
import { VirtualFs } from './fs';

export const OS_IMAGE = 'CentOS Linux 7 (Core)';
export const KERNEL_VERSION = '4.4.0-210-generic';

export interface HostInit {
  readonly name: string;
  readonly ip: string;
  readonly random: Random;
  readonly now: () => number;
}

/** The kubelet as the host knows it; the kubelet itself lives in cluster/. */
export interface KubeletHandle {
  readonly running: boolean;
  /** "192.168.0.8:6443": the API server it registered with. */
  readonly apiServer: string;
}

/** A process running on the host, as `ps` and /proc/<pid>/environ would show it. */
export interface HostProcess {
  readonly pid: number;
  /** The command line `ps` shows: "-bash" for a login shell. */
  readonly command: string;
  /** Its exported environment, now. */
  environ(): ReadonlyArray<readonly [string, string]>;
}

export class Host {
  readonly name: string;
  readonly ip: string;
  readonly fs: VirtualFs;
  readonly machineId: string;
  readonly bootId: string;
  /** The login environment every new shell on this host starts from. */
  readonly loginEnv: Readonly<Record<string, string>>;
  /** Set by kubeadm init/join, cleared by kubeadm reset. */
  kubelet: KubeletHandle | undefined;
  private readonly procs = new Map<number, HostProcess>();

  constructor(init: HostInit) {
    this.name = init.name;
    this.ip = init.ip;
    this.fs = new VirtualFs(init.now);
    this.machineId = init.random.hex(32);
    this.bootId = formatUuid(init.random.hex(32));
    this.loginEnv = {
      HOME: '/root',
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
      HOSTNAME: init.name,
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/root/bin',
      TERM: 'xterm',
      PWD: '/root',
      // PWK's PS1 ends in a literal $, not bash's \$: the prompt reads "[node1 ~]$ " although the user is root.
      PS1: '[\\h \\W]$ ',
    };
    this.layOutFilesystem();
  }

  /** Starts tracking a process (a login shell); the returned function ends it. */
  addProcess(process: HostProcess): () => void {
    this.procs.set(process.pid, process);
    return () => {
      if (this.procs.get(process.pid) === process) this.procs.delete(process.pid);
    };
  }

  get processes(): readonly HostProcess[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  private layOutFilesystem(): void {
    const fs = this.fs;
    for (const dir of [
      '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin',
      '/srv', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/usr/sbin', '/var/lib', '/var/log', '/var/run',
      // Installed by the kubeadm, kubelet and kubernetes-cni packages before any cluster exists.
      '/etc/kubernetes/manifests', '/etc/cni/net.d', '/opt/cni/bin', '/var/lib/kubelet', '/etc/sysconfig', '/etc/docker',
    ]) {
      fs.mkdir(dir, { parents: true });
    }
    fs.chmod('/tmp', 0o1777);
    fs.chmod('/root', 0o550);
    fs.writeFile('/etc/hostname', `${this.name}\n`);
    fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${this.ip}\t${this.name}\n`);
    fs.writeFile('/etc/machine-id', `${this.machineId}\n`);
    fs.writeFile('/etc/centos-release', 'CentOS Linux release 7.9.2009 (Core)\n');
    fs.writeFile('/etc/os-release', [
      'NAME="CentOS Linux"', 'VERSION="7 (Core)"', 'ID="centos"', 'ID_LIKE="rhel fedora"', 'VERSION_ID="7"',
      `PRETTY_NAME="${OS_IMAGE}"`, 'ANSI_COLOR="0;31"', 'CPE_NAME="cpe:/o:centos:centos:7"', 'HOME_URL="https://www.centos.org/"',
      'BUG_REPORT_URL="https://bugs.centos.org/"', '',
    ].join('\n'));
    fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnobody:x:99:99:Nobody:/:/sbin/nologin\n');
    fs.writeFile('/etc/group', 'root:x:0:\nnobody:x:99:\n');
    fs.writeFile('/etc/sysconfig/kubelet', 'KUBELET_EXTRA_ARGS=\n');
    fs.writeFile('/root/.bashrc', [
      '# .bashrc', '', "alias rm='rm -i'", "alias cp='cp -i'", "alias mv='mv -i'", '',
      "export PS1='[\\h \\W]$ '", '',
    ].join('\n'));
    fs.writeFile('/root/.bash_profile', '# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n');
  }
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
