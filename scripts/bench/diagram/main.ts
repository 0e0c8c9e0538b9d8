// Bench-only page (never shipped): the app's own Diagram component, production build, with a
// scene the app reaches only with a busy cluster: `?pods=100&flows=200` ready web pods over both
// nodes behind the `web` Service, and that many active data flows between them: each pod to a
// neighbour on its own host (pod k → pod k+2, then k → k+4, …; pods alternate between the hosts),
// or with `&cross=1` to a pod on the other host (k → k+1, k → k+3, …), edges across the picture. It marks `diagram-data` just before React
// renders and `diagram-painted` once every edge is in the DOM and that frame has been painted.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Diagram from '../../../src/ui/diagram/Diagram';
import { webCluster, webPods, WEB_RS } from '../../../src/ui/diagram/testing/web';
import type { DataFlowInput } from '../../../src/ui/diagram/types';

const params = new URLSearchParams(location.search);
const podCount = Number(params.get('pods') ?? 100);
const flowCount = Number(params.get('flows') ?? 200);
const pods = webPods(podCount, WEB_RS.v1, 'both');
const snapshot = webCluster({ pods });
const cross = params.get('cross') === '1' ? 1 : 0;
const id = (i: number) => `pod/default/${pods[i % podCount]!.name}`;
const flows: DataFlowInput[] = Array.from({ length: flowCount }, (_, k) => {
  const round = Math.floor(k / podCount);
  return { id: `bench/${k}`, source: id(k), target: id(k + 2 * (round + 1) - cross), active: true, ratePerSecond: 2 + (k % 7) };
});

const root = document.getElementById('root')!;
root.style.height = '100%';
performance.mark('diagram-data');
createRoot(root).render(createElement(Diagram, { snapshot, reducedMotion: false, flows, lang: 'en' }));

// Wait for every edge to be in the page, then for that frame's paint.
const expected = flowCount;
const poll = () => {
  if (document.querySelectorAll('.kp-dg-edge').length >= expected) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark('diagram-painted');
    channel.port2.postMessage(0);
    return;
  }
  requestAnimationFrame(poll);
};
requestAnimationFrame(poll);
