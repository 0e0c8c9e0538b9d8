/**
 * `{{webuiUrl}}`: where DockerCoins' web UI answers from outside its node, as a browser (or another
 * node) reaches it: `http://<node's address>:<published port>`, read from the running webui
 * container's published port 80 (compose's "8000:80"). Docker publishes on 0.0.0.0, every address
 * of the node: the node's own address is the one other machines use.
 */
import { containersOf, type World } from '../../engine';
import type { Lang } from '../model';
import type { TemplateVariable } from './types';

const WEBUI_SERVICE = 'webui';
const WEBUI_CONTAINER_PORT = 80;

function webuiUrl(world: World): string | undefined {
  for (const host of world.hosts) {
    for (const c of containersOf(world, host.name)) {
      if (c.service !== WEBUI_SERVICE || c.state !== 'running') continue;
      const binding = c.ports.find((p) => p.containerPort === WEBUI_CONTAINER_PORT && p.protocol === 'tcp');
      if (!binding) continue;
      const address = binding.hostIp === '0.0.0.0' || binding.hostIp === '' ? host.ip : binding.hostIp;
      return `http://${address}:${binding.hostPort}`;
    }
  }
  return undefined;
}

export const webuiUrlVariable: TemplateVariable = {
  name: 'webuiUrl',
  summary: "DockerCoins' web UI as other machines reach it, \"http://192.168.0.8:8000\" (the running webui container's published port)",
  resolve: webuiUrl,
  unavailable(_world: World, lang: Lang) {
    return lang === 'es'
      ? 'La interfaz web de DockerCoins no está funcionando: arráncala primero con docker-compose up en node1.'
      : "DockerCoins' web UI is not running: start it with docker-compose up on node1 first.";
  },
};
