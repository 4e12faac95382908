// The frame's side of the embed protocol: announce `ready` to the parent, wait for its `init`,
// then send events only to the origin that sent it. Outside a frame it sends nothing.
import { decodeInitMessage, embedNamespace, embedVersion, type FrameEvents, type FrameEventType } from './protocol.ts';

export interface HostLink {
  send<T extends FrameEventType>(type: T, data: FrameEvents[T]): void;
}

export function connectToHost(): HostLink {
  if (window.parent === window) return { send() {} };
  let target: { origin: string; instance: string } | undefined;
  const waiting = new Map<FrameEventType, unknown>();
  const post = (type: FrameEventType, data: unknown) =>
    window.parent.postMessage({ ns: embedNamespace, v: embedVersion, type, instance: target!.instance, data }, target!.origin);

  addEventListener('message', (event: MessageEvent) => {
    if (target || event.source !== window.parent) return;
    const init = decodeInitMessage(event.data);
    if (!init) return;
    // A host that is itself sandboxed has the opaque origin "null", which only '*' can reach.
    target = { origin: event.origin === 'null' ? '*' : event.origin, instance: init.instance };
    for (const [type, data] of waiting) post(type, data);
    waiting.clear();
  });
  window.parent.postMessage({ ns: embedNamespace, v: embedVersion, type: 'ready', data: {} }, '*');

  return {
    send(type, data) {
      // Before `init` only the latest event of each kind is kept: the host needs the current
      // height and settings, not their history.
      if (target) post(type, data);
      else waiting.set(type, data);
    },
  };
}

/** Reports the content's height whenever it changes, rounded up so nothing is cut off. */
export function reportHeight(host: HostLink): void {
  const root = document.documentElement;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    host.send('resize', { height });
  }).observe(root);
}
