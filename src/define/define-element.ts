import { serverSafe } from './server-safe.js';

/**
 * Registers `constructor` as `name` unless the name is taken. Taken by this very class: nothing
 * to do. Taken by another class (most often another copy or version of this library on the
 * page): that one stays, and a warning says so instead of the browser throwing. On a server,
 * nothing (see server-safe.ts).
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!serverSafe(`<${name}>`)) return;
  const existing = customElements.get(name);
  if (!existing) {
    customElements.define(name, constructor);
  } else if (existing !== constructor) {
    console.warn(`data-source-widgets: <${name}> is already defined by another class; this one was not registered.`);
  }
}
