/**
 * Queue keys as client-go's cache makes them: `namespace/name` for namespaced objects, `name` for
 * cluster-scoped ones.
 */
export function nsKey(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

export function splitKey(key: string): { readonly namespace: string | undefined; readonly name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/**
 * Whether a controller should look again at an object after this event. Its own writes to the
 * object (status, annotations it keeps) need no second look: it already knew what it wrote.
 */
export function isOwnEcho(event: { readonly type: string; readonly actor: string }, controller: string): boolean {
  return event.type === 'MODIFIED' && event.actor === controller;
}

/** A key's namespace, or "default" for cluster-scoped keys (which never reach namespaced lookups). */
export function keyNamespace(key: string): string {
  return splitKey(key).namespace ?? 'default';
}
