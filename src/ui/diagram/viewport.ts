/**
 * Whether a box of the flow (the highlighted nodes' bounds) is wholly on screen, given React Flow's
 * viewport (a translation and a zoom) and the canvas size in pixels. Pure, so the rule the Diagram
 * uses to bring highlighted nodes into view is tested without a browser.
 */
export interface FlowBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FlowViewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export function boxInView(box: FlowBox, viewport: FlowViewport, size: { readonly width: number; readonly height: number }): boolean {
  if (!(viewport.zoom > 0)) return false;
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  const right = (size.width - viewport.x) / viewport.zoom;
  const bottom = (size.height - viewport.y) / viewport.zoom;
  return box.x >= left && box.y >= top && box.x + box.width <= right && box.y + box.height <= bottom;
}
