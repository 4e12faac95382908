// Whether an address is this machine's own, which no phone in the room can reach: the live
// server, the console's live panel and the projector screen all ask it.

/** Whether a host name (as `URL.hostname` gives it) is a loopback one: localhost, 127.x.x.x or [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(hostname);
}

/** Whether a web address points at a loopback host; false for anything that is not an address. */
export function isLoopbackUrl(url: string): boolean {
  return URL.canParse(url) && isLoopbackHost(new URL(url).hostname);
}

/**
 * Whether a socket's remote address (as Node gives it: `127.0.0.1`, `::1`, `::ffff:127.0.0.1`) is
 * this machine's own loopback. Unlike a Host header, which any client may write, a connection's
 * remote address is the network's word for who is asking.
 */
export function isLoopbackAddress(address: string): boolean {
  return /^(?:::ffff:)?127\.\d+\.\d+\.\d+$|^::1$/.test(address);
}
