import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { FLOW_AGGREGATE_THRESHOLD, containerStatus, dashDuration } from './containers';
import DiagramTable from './DiagramTable';
import { MAX_ANIMATED_EDGES, countAnimated } from './edges';
import { snapshotKey } from './stable';
import { toFlow } from './toFlow';
import type { ContainerFlowNode, DiagramEdge, Flow } from './types';
import { dockercoinsRunning, dockercoinsStopped, dockercoinsTraffic, edge } from './testing/dockercoins';
import { flowText } from './testing/flowText';

function container(flow: Flow, id: string): ContainerFlowNode {
  const found = flow.nodes.find((n) => n.id === id);
  if (found?.type !== 'container') throw new Error(`no container ${id} in ${flow.nodes.map((n) => n.id).join(' ')}`);
  return found;
}

function flowEdge(flow: Flow, from: string, to: string): DiagramEdge {
  const found = flow.edges.find((e) => e.source === `container/node1/dockercoins_${from}` && e.target === `container/node1/dockercoins_${to}`);
  if (found === undefined) throw new Error(`no edge ${from} → ${to} in ${flow.edges.map((e) => e.id).join(' ')}`);
  return found;
}

describe('toFlow: DockerCoins under docker-compose', () => {
  it('draws each container inside its host under container/<host>/<name>, titled by its service', () => {
    const flow = toFlow(dockercoinsRunning(1));
    expect(flow.nodes.find((n) => n.id === 'containers/node1')).toMatchObject({ type: 'section', parentId: 'node/node1', ariaLabel: '5 containers on node1' });
    const worker = container(flow, 'container/node1/dockercoins_worker_1');
    expect(worker).toMatchObject({ parentId: 'containers/node1', data: { service: 'worker', label: 'worker_1', status: 'Up', category: 'ready' } });
    expect(worker.ariaLabel).toBe('container dockercoins_worker_1 (service worker) on node1, Up, IP 172.18.0.6');
    expect(container(flow, 'container/node1/dockercoins_webui_1').ariaLabel).toBe('container dockercoins_webui_1 (service webui) on node1, Up, IP 172.18.0.4, ports 8000→80');
    expect(flow.nodes.some((n) => n.parentId === 'containers/node2')).toBe(false);
  });

  it('puts the callers (worker, webui) left of the services they call, so flows run left to right', () => {
    const flow = toFlow(dockercoinsRunning(2));
    const x = (name: string) => container(flow, `container/node1/dockercoins_${name}`).position.x;
    for (const caller of ['worker_1', 'worker_2', 'webui_1']) for (const called of ['rng_1', 'hasher_1', 'redis_1']) expect(x(caller)).toBeLessThan(x(called));
    // The same sides before any traffic was measured: the picture does not jump when the app starts.
    const quiet = toFlow(dockercoinsRunning(2, { traffic: [] }));
    expect(container(quiet, 'container/node1/dockercoins_webui_1').position).toEqual(container(flow, 'container/node1/dockercoins_webui_1').position);
    expect(container(quiet, 'container/node1/dockercoins_redis_1').position).toEqual(container(flow, 'container/node1/dockercoins_redis_1').position);
  });

  it('animates the four flows of one worker, each labelled with its measured rate by its arrowhead', () => {
    const flow = toFlow(dockercoinsRunning(1));
    const short = (id: string) => id.replace('container/node1/dockercoins_', '');
    expect(flow.edges.map((e) => [short(e.source), short(e.target), e.label, e.animated, e.data?.labelSlot])).toEqual([
      ['worker_1', 'rng_1', '3.3 req/s', true, { index: 0, count: 1 }],
      ['worker_1', 'hasher_1', '3.3 req/s', true, { index: 0, count: 1 }],
      // Redis hears from two services: their labels stack by its side, each naming its caller.
      ['worker_1', 'redis_1', 'worker 0.8 req/s', true, { index: 1, count: 2 }],
      ['webui_1', 'redis_1', 'webui 2.0 req/s', true, { index: 0, count: 2 }],
    ]);
    expect(flowEdge(flow, 'worker_1', 'rng_1')).toMatchObject({
      id: 'flow/node1/dockercoins_worker_1/node1/dockercoins_rng_1/http',
      ariaLabel: 'HTTP requests from dockercoins_worker_1 to dockercoins_rng_1, 3.3 per second, 100 ms each',
      data: { kind: 'flow', stilled: false },
    });
  });

  it('moves a busier edge faster: the dash period shortens as the rate grows', () => {
    const flow = toFlow(dockercoinsRunning(1));
    const rng = flowEdge(flow, 'worker_1', 'rng_1').data?.duration ?? 0;
    const redis = flowEdge(flow, 'worker_1', 'redis_1').data?.duration ?? 0;
    expect(rng).toBeGreaterThan(0);
    expect(redis).toBeGreaterThan(rng);
    expect(dashDuration(10)).toBeLessThan(dashDuration(3.3));
    expect(dashDuration(3.3)).toBe(dashDuration(3.2));
    expect(dashDuration(0)).toBe(dashDuration(0.01));
  });

  it('leaves out traffic that does not run between containers (the browser, curl from a shell)', () => {
    const flow = toFlow(dockercoinsRunning(1, { traffic: [...dockercoinsTraffic(1), { from: 'node1', to: 'node1/dockercoins_rng_1', kind: 'http', ratePerSecond: 1, meanLatencyMs: 100 }] }));
    expect(flow.edges).toHaveLength(4);
    expect(flow.edges.every((e) => e.source.startsWith('container/') && e.target.startsWith('container/'))).toBe(true);
  });

  it('with ten workers: 31 animated edges, one label per service and target (the total)', () => {
    const flow = toFlow(dockercoinsRunning(10));
    expect(flow.edges).toHaveLength(31);
    expect(countAnimated(flow.edges)).toBe(31);
    expect(flow.edges.filter((e) => e.label !== undefined).map((e) => e.label)).toEqual(['10.0 req/s', '10.0 req/s', 'worker 2.5 req/s', 'webui 2.0 req/s']);
    expect(flow.edges.filter((e) => e.source.endsWith('worker_7')).map((e) => [e.label, e.data?.labelSlot])).toEqual([[undefined, undefined], [undefined, undefined], [undefined, undefined]]);
    const x = (n: number) => container(flow, `container/node1/dockercoins_worker_${n}`).position.y;
    expect(x(2)).toBeLessThan(x(10));
  });

  it(`merges each service's flows into one edge beyond ${FLOW_AGGREGATE_THRESHOLD} edges, keeping the animation cap`, () => {
    const flow = toFlow(dockercoinsRunning(100));
    expect(flow.edges.map((e) => e.label)).toEqual(['10.0 req/s', '10.0 req/s', 'worker 3.0 req/s', 'webui 2.0 req/s']);
    expect(flow.edges[0]?.ariaLabel).toBe('HTTP requests from 100 worker containers to rng, 10.0 per second');
    expect(countAnimated(flow.edges)).toBeLessThanOrEqual(MAX_ANIMATED_EDGES);
  });

  it('keeps every flow still under reduced motion, with its arrow and label', () => {
    const flow = toFlow(dockercoinsRunning(10), { reducedMotion: true });
    expect(countAnimated(flow.edges)).toBe(0);
    expect(flow.edges.every((e) => e.data?.stilled === true && e.data.duration === undefined)).toBe(true);
    expect(flow.edges.filter((e) => e.label !== undefined)).toHaveLength(4);
  });

  it('calms down when the app stops: exited containers, no flows', () => {
    const flow = toFlow(dockercoinsStopped());
    expect(flow.edges).toEqual([]);
    expect(container(flow, 'container/node1/dockercoins_worker_1').data).toMatchObject({ status: 'Exited', category: 'completed' });
    const idle = toFlow(dockercoinsRunning(1, { traffic: [edge('worker_1', 'rng_1', 'http', 0)] }));
    expect(idle.edges.map((e) => [e.animated, e.data?.stilled])).toEqual([[false, false]]);
  });

  it('matches its reviewed picture (one worker, web UI open)', async () => {
    await expect(flowText(toFlow(dockercoinsRunning(1)))).toMatchFileSnapshot('./testing/golden/dockercoins-1-worker.txt');
  });

  it('is deterministic whatever order the snapshot lists containers and traffic in', () => {
    const snapshot = dockercoinsRunning(3);
    const shuffled = {
      ...snapshot,
      hosts: snapshot.hosts.map((h) => ({ ...h, containers: [...h.containers].reverse() })),
      traffic: [...snapshot.traffic].reverse(),
    };
    expect(toFlow(shuffled).nodes).toEqual(toFlow(snapshot).nodes);
    expect(new Set(toFlow(shuffled).edges.map((e) => e.id))).toEqual(new Set(toFlow(snapshot).edges.map((e) => e.id)));
  });
});

describe('in Spanish', () => {
  it('names the box, the containers and the flows in the learner\'s language; docker\'s words stay docker\'s', () => {
    const flow = toFlow(dockercoinsRunning(1), { lang: 'es' });
    expect(flow.nodes.find((n) => n.id === 'containers/node1')).toMatchObject({ data: { title: 'contenedores (docker)' }, ariaLabel: '5 contenedores en node1' });
    expect(container(flow, 'container/node1/dockercoins_webui_1').ariaLabel).toBe('contenedor dockercoins_webui_1 (servicio webui) en node1, Up, IP 172.18.0.4, puertos 8000→80');
    expect(flowEdge(flow, 'worker_1', 'rng_1').ariaLabel).toBe('Peticiones HTTP de dockercoins_worker_1 a dockercoins_rng_1, 3.3 por segundo, 100 ms cada una');
    expect(flowEdge(flow, 'worker_1', 'rng_1').label).toBe('3.3 req/s');
    const html = renderToStaticMarkup(<DiagramTable snapshot={dockercoinsRunning(1)} lang="es" />);
    expect(html).toContain('5 contenedores, 5 en marcha.');
    expect(html).toContain('<caption>Contenedores en node1</caption>');
    expect(html).toContain('aria-label="Flujos de datos"');
  });
});

describe('container status words (docker ps) and colours', () => {
  it('follows docker: Up, Created, Restarting, Exited (code)', () => {
    expect(containerStatus({ state: 'running' })).toEqual({ status: 'Up', category: 'ready' });
    expect(containerStatus({ state: 'created' })).toEqual({ status: 'Created', category: 'pending' });
    expect(containerStatus({ state: 'restarting' })).toEqual({ status: 'Restarting', category: 'starting' });
    expect(containerStatus({ state: 'exited', exitCode: 137 })).toEqual({ status: 'Exited (137)', category: 'completed' });
    expect(containerStatus({ state: 'exited', exitCode: 0 })).toEqual({ status: 'Exited (0)', category: 'completed' });
    expect(containerStatus({ state: 'exited', exitCode: 1 })).toEqual({ status: 'Exited (1)', category: 'failed' });
  });
});

describe('the diagram follows the traffic', () => {
  it('rebuilds when rates or container states change, not when only the clock moves', () => {
    const base = dockercoinsRunning(1);
    expect(snapshotKey({ ...base, now: base.now + 500 })).toBe(snapshotKey(base));
    expect(snapshotKey({ ...base, traffic: dockercoinsTraffic(2) })).not.toBe(snapshotKey(base));
    expect(snapshotKey(dockercoinsStopped())).not.toBe(snapshotKey(base));
  });
});

describe('DiagramTable: containers and flows as text', () => {
  it('lists each host\'s containers with status, IP and ports, then the data flows', () => {
    const html = renderToStaticMarkup(<DiagramTable snapshot={dockercoinsRunning(1)} />);
    expect(html).toContain('2 machines, no cluster yet. 5 containers, 5 running.');
    expect(html).toContain('<caption>Containers on node1</caption>');
    expect(html).toMatch(/<tr data-id="container\/node1\/dockercoins_webui_1"><th scope="row"><span class="kp-dgt-pod">dockercoins_webui_1<\/span><span class="kp-dgt-ns">service webui<\/span><\/th><td>.*Up<\/span><\/td><td>172\.18\.0\.4<\/td><td>8000→80<\/td><\/tr>/);
    expect(html).toContain('HTTP requests from dockercoins_worker_1 to dockercoins_hasher_1, 3.3 per second, 100 ms each');
    expect(html).toContain('Redis commands from dockercoins_webui_1 to dockercoins_redis_1, 2.0 per second, 0 ms each');
  });
});
