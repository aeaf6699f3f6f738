// Where the guide's callout goes beside the control a step points at (panels/guide.ts): below it,
// above it, to a side, or narrowed to fit beside it. On a narrow screen (a phone) the callout is
// docked to the bottom of the window, across it, under the control; when the control leaves it
// too little room it is made shorter and scrolls inside (its Back / Next stay in view).

/** Room kept between the callout, the ring and the window's edges, px. */
export const GAP = 12;
export const RING_PAD = 6;
/** The narrowest the callout is made to fit beside a control its own width does not fit beside, px. */
const MIN_WIDTH = 200;
/** Windows narrower than this dock the callout to their bottom, px. */
const DOCK_BELOW_WIDTH = 600;
/** The least height a docked callout is made to scroll in (its heading, a line and its buttons), px. */
const DOCK_MIN_HEIGHT = 180;

/** A box on screen, in window coordinates (px). */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where the callout goes: its top left corner and, when made to fit, its width and its most height (px). */
export interface Spot {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The room around the ring, between it and the window's edges (px). */
function roomAround(ring: Box, vw: number, vh: number) {
  return {
    below: vh - GAP - (ring.bottom + GAP),
    above: ring.top - GAP - GAP,
    right: vw - GAP - (ring.right + GAP),
    left: ring.left - GAP - GAP,
  };
}

/** On a narrow screen: docked at the window's bottom under the ring, or above it; shortened to the room below if need be. */
function dockedSpot(callout: HTMLElement, ring: Box, vw: number, vh: number): Spot | null {
  const { width: w, height: hgt } = callout.getBoundingClientRect();
  const room = roomAround(ring, vw, vh);
  const x = clamp((vw - w) / 2, GAP, vw);
  if (hgt <= room.below) return { x, y: vh - GAP - hgt };
  if (hgt <= room.above) return { x, y: ring.top - GAP - hgt };
  const short = Math.floor(room.below);
  if (short >= DOCK_MIN_HEIGHT) return { x, y: vh - GAP - short, height: short };
  return null;
}

/** Beside the ring on a wide screen: below, above, right or left at its own size, else narrowed to the wider side. */
function besideSpot(callout: HTMLElement, ring: Box, vw: number, vh: number): Spot | null {
  const { width: w, height: hgt } = callout.getBoundingClientRect();
  const room = roomAround(ring, vw, vh);
  const alongX = clamp(ring.left + RING_PAD, GAP, vw - w - GAP);
  const alongY = (h: number) => clamp(ring.top + RING_PAD, GAP, vh - h - GAP);
  if (hgt <= room.below) return { x: alongX, y: ring.bottom + GAP };
  if (hgt <= room.above) return { x: alongX, y: ring.top - GAP - hgt };
  if (w <= room.right) return { x: ring.right + GAP, y: alongY(hgt) };
  if (w <= room.left) return { x: ring.left - GAP - w, y: alongY(hgt) };
  // Narrowed beside the ring: the callout grows taller as it narrows; it must still fit.
  const side = room.right >= room.left ? 'right' : 'left';
  const narrow = Math.floor(room[side]);
  if (narrow < MIN_WIDTH) return null;
  callout.style.width = `${narrow}px`;
  const tall = callout.getBoundingClientRect().height;
  if (tall > vh - 2 * GAP || callout.scrollHeight > callout.clientHeight) return null;
  return {
    x: side === 'right' ? ring.right + GAP : ring.left - GAP - narrow,
    y: alongY(tall),
    width: narrow,
  };
}

/**
 * Where the callout fits without covering the ring (dockedSpot on a narrow screen, besideSpot on
 * others); null when there is no such room. Measures the callout at its own size and leaves its
 * size as found.
 */
export function spotFor(callout: HTMLElement, ring: Box): Spot | null {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const { width, maxHeight } = callout.style;
  callout.style.width = '';
  callout.style.maxHeight = '';
  const spot = vw < DOCK_BELOW_WIDTH ? dockedSpot(callout, ring, vw, vh) : besideSpot(callout, ring, vw, vh);
  callout.style.width = width;
  callout.style.maxHeight = maxHeight;
  return spot;
}

/** Puts the callout at a spot, at its size (its own unless the spot says otherwise). */
export function setCallout(callout: HTMLElement, spot: Spot): void {
  callout.style.width = spot.width === undefined ? '' : `${spot.width}px`;
  callout.style.maxHeight = spot.height === undefined ? '' : `${spot.height}px`;
  callout.style.left = `${Math.round(spot.x)}px`;
  callout.style.top = `${Math.round(spot.y)}px`;
}

/**
 * Where the callout goes when it fits beside the control nowhere (the control fills the window):
 * low in the window at its own size; on a narrow screen not over the control's heading
 * (`headBottom`, its bottom in the window), shortened to scroll under it if need be.
 */
export function lowSpot(callout: HTMLElement, headBottom: number): Spot {
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  callout.style.width = '';
  callout.style.maxHeight = '';
  const box = callout.getBoundingClientRect();
  const x = clamp((vw - box.width) / 2, GAP, vw);
  const y = Math.max(GAP, vh - box.height - GAP);
  const top = headBottom + GAP;
  if (vw >= DOCK_BELOW_WIDTH || top <= y || vh - GAP - top < DOCK_MIN_HEIGHT) return { x, y };
  return { x, y: top, height: vh - GAP - top };
}
