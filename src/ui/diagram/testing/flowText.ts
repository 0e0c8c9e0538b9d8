/**
 * A diagram as reviewable text, one line per node or edge, indented under its parent: the golden
 * files beside toFlow's tests are written with it, so a layout or status change shows up in review.
 */
import type { DiagramNode, Flow } from '../types';

function describe(node: DiagramNode): string {
  switch (node.type) {
    case 'host':
      return `[${node.data.badge}]${node.data.role === undefined ? '' : ` ${node.data.role}`}${node.data.ip === undefined ? '' : ` ${node.data.ip}`}`;
    case 'section':
      return `"${node.data.title}"`;
    case 'pod':
      return `${node.data.status} ${node.data.ready}${node.data.restarts > 0 ? ` restarts=${node.data.restarts}` : ''} (${node.data.category})${node.data.ip === undefined ? '' : ` ${node.data.ip}`}${node.data.title === undefined ? '' : ` "${node.data.title}"`}${node.data.revision === undefined ? '' : ` [${node.data.revision.label}]`}`;
    case 'aggregate':
      return `"${node.data.title}" ${node.data.counts.map((c) => `${c.status}=${c.count}`).join(' ')}`;
    case 'container':
      return `${node.data.status} (${node.data.category})`;
    case 'service':
      return `${node.data.type} ${node.data.clusterIP} ${node.data.ports} "${node.data.summary}"`;
    case 'agent':
      return `"${node.data.label}"`;
  }
}

export function flowText(flow: Flow): string {
  const depth = new Map<string, number>();
  const lines = flow.nodes.map((n) => {
    const d = n.parentId === undefined ? 0 : (depth.get(n.parentId) ?? 0) + 1;
    depth.set(n.id, d);
    const box = `@${n.position.x},${n.position.y} ${n.width ?? '?'}x${n.height ?? '?'}`;
    return `${'  '.repeat(d)}${n.id} ${box} ${describe(n)}${n.data.highlighted ? ' *highlighted*' : ''}`;
  });
  for (const e of flow.edges) {
    const flags = [e.animated === true ? 'animated' : '', e.data?.stilled === true ? 'stilled' : '', e.data?.notReady === true ? 'not-ready' : '', e.data?.highlighted === true ? 'highlighted' : '']
      .filter((f) => f !== '').map((f) => ` ${f}`).join('');
    const route = e.data?.route === undefined ? '' : ` via y=${e.data.route.trunkY} bus=${e.data.route.bus} ${e.targetHandle ?? ''}`;
    lines.push(`edge ${e.id}: ${e.source} -> ${e.target}${e.label === undefined ? '' : ` "${String(e.label)}"`}${route}${flags}`);
  }
  return `${lines.join('\n')}\n`;
}
