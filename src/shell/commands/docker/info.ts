/**
 * `docker version`, `docker info` and `docker system df` for the Docker 20.10 of the PWK era
 * (containerd 1.6.21, as the kubelet reports it), with the compose v2 plugin installed.
 */
import { KERNEL_VERSION, OS_IMAGE, type DockerEngine, type ImageInfo } from '../../../engine';
import type { CommandContext } from '../../types';
import { dockerTable, humanSize } from './format';

export const DOCKER_VERSION = '20.10.24';
export const DOCKER_CLIENT_COMMIT = '297e128';
export const COMPOSE_PLUGIN_VERSION = 'v2.17.2';

export function runVersion(ctx: CommandContext): number {
  ctx.stdout.write(`Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.41
 Go version:        go1.19.7
 Git commit:        ${DOCKER_CLIENT_COMMIT}
 Built:             Tue Apr  4 18:20:23 2023
 OS/Arch:           linux/amd64
 Context:           default
 Experimental:      true

Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.41 (minimum version 1.12)
  Go version:       go1.19.7
  Git commit:       5d6db84
  Built:            Tue Apr  4 18:18:29 2023
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.6.21
  GitCommit:        3dce8eb055cbb6872793272b4f20ed16117344f8
 runc:
  Version:          1.1.7
  GitCommit:        v1.1.7-0-g860f061
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`);
  return 0;
}

export function runInfo(ctx: CommandContext, engine: DockerEngine): number {
  const all = engine.containers(true);
  const running = all.filter((c) => c.state === 'running').length;
  ctx.stdout.write(`Client:
 Context:    default
 Debug Mode: false
 Plugins:
  app: Docker App (Docker Inc., v0.9.1-beta3)
  buildx: Docker Buildx (Docker Inc., v0.10.4)
  compose: Docker Compose (Docker Inc., ${COMPOSE_PLUGIN_VERSION})

Server:
 Containers: ${all.length}
  Running: ${running}
  Paused: 0
  Stopped: ${all.length - running}
 Images: ${engine.images.list(true).length}
 Server Version: ${DOCKER_VERSION}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: cgroupfs
 Cgroup Version: 1
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 3dce8eb055cbb6872793272b4f20ed16117344f8
 runc version: v1.1.7-0-g860f061
 init version: de40ad0
 Security Options:
  seccomp
   Profile: default
 Kernel Version: ${KERNEL_VERSION}
 Operating System: ${OS_IMAGE}
 OSType: linux
 Architecture: x86_64
 CPUs: 8
 Total Memory: 31.41GiB
 Name: ${ctx.host.name}
 ID: ${engine.random.fork('daemon-id').string('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 52).replace(/(.{4})(?=.)/g, '$1:')}
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Registry: https://index.docker.io/v1/
 Labels:
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false
`);
  return 0;
}

/** Bytes an image adds over its parent: layers shared by several images count once. */
function ownBytes(image: ImageInfo, engine: DockerEngine): number {
  const parent = image.parent ? engine.images.get(image.parent) : undefined;
  return Math.max(0, image.size - (parent?.size ?? 0));
}

export function runSystemDf(ctx: CommandContext, engine: DockerEngine): number {
  const images = engine.images.list(true);
  const containers = engine.containers(true);
  const used = new Set<string>();
  for (const c of containers) {
    for (let i = engine.images.get(c.imageId); i; i = i.parent ? engine.images.get(i.parent) : undefined) used.add(i.id);
  }
  const total = images.reduce((s, i) => s + ownBytes(i, engine), 0);
  const reclaimable = images.filter((i) => !used.has(i.id)).reduce((s, i) => s + ownBytes(i, engine), 0);
  const pct = total > 0 ? Math.round((reclaimable * 100) / total) : 0;
  const active = images.filter((i) => !i.intermediate && used.has(i.id)).length;
  const running = containers.filter((c) => c.state === 'running').length;
  ctx.stdout.write(dockerTable([
    ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
    ['Images', String(images.filter((i) => !i.intermediate).length), String(active), humanSize(total), `${humanSize(reclaimable)} (${pct}%)`],
    ['Containers', String(containers.length), String(running), '0B', '0B'],
    ['Local Volumes', '0', '0', '0B', '0B'],
    ['Build Cache', '0', '0', '0B', '0B'],
  ]));
  return 0;
}
