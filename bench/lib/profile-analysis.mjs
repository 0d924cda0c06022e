// Turns a CDP CPU profile and a Chrome trace into tables: self time by function, by source
// location and by source module of the unminified bundle; main-thread time by trace event.
import { readFileSync } from 'node:fs';

/**
 * Self time per profile node, from the samples: DevTools' convention, the time until the next
 * sample belongs to this one (timeDeltas[i + 1]).
 */
function selfTimes(profile) {
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = timeDeltas[i + 1] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + us);
  }
  return self;
}

/**
 * The module each line of an unminified esbuild bundle came from: esbuild heads every module
 * with a `// path` comment (`// src/store/connection-store.ts`, `// node_modules/lit-html/…`).
 */
function moduleOfLine(bundlePath) {
  const lines = readFileSync(bundlePath, 'utf8').split('\n');
  const starts = [];
  lines.forEach((line, index) => {
    const match = /^\/\/ (\S*?(?:src|node_modules)\/\S+)$/.exec(line);
    if (match) starts.push([index, match[1].replace(/^.*node_modules\//, "").replace(/^.*?(?=src\/)/, "")]);
  });
  return (line) => {
    let found = '(bundle prelude)';
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

// Lit ships its production build with mangled member names; these are the ones that show up,
// named as in Lit's development build (same code, unmangled).
const litNames = {
  'lit-html/lit-html.js': { p: 'TemplateInstance._update', u: 'TemplateInstance._clone', _: 'ChildPart._commitText',
    $: 'ChildPart._commitTemplateResult', _$AI: 'ChildPart._$setValue', _$AR: 'ChildPart._$clear', T: 'ChildPart._commitNode',
    O: 'ChildPart._insert', k: 'ChildPart._commitIterable', j: 'AttributePart._commitValue' },
};

export function analyzeProfile(profile, bundlePath, bundleUrlEnding) {
  const self = selfTimes(profile);
  const moduleOf = moduleOfLine(bundlePath);
  const byFunction = new Map();
  const byLocation = new Map();
  const byModule = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const inBundle = url.endsWith(bundleUrlEnding);
    const known = inBundle ? litNames[moduleOf(lineNumber)]?.[functionName] : undefined;
    const name = known ? `${functionName} (lit: ${known})` : functionName || '(anonymous)';
    const where = url ? (inBundle ? `${moduleOf(lineNumber)} (bundle:${lineNumber + 1}:${columnNumber + 1})` : `${url.replace(/^.*\//, '')}:${lineNumber + 1}`) : '(native)';
    const module = inBundle ? moduleOf(lineNumber) : url ? url.replace(/^.*\//, '') : name.startsWith('(') ? name : '(native)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const locationKey = `${name} — ${where}`;
    byLocation.set(locationKey, (byLocation.get(locationKey) ?? 0) + us);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, us]) => ({ key, ms: us / 1000, share: us / total }));
  return { totalMs: total / 1000, byFunction: top(byFunction, 20), byLocation: top(byLocation, 25), byModule: top(byModule, 20) };
}

/**
 * Main-thread self time by trace event name (UpdateLayoutTree = style recalculation, Layout,
 * Paint, FunctionCall / RunMicrotasks / TimerFire = JavaScript, …): nested complete events
 * are subtracted from their parent, so the shares add up.
 */
export function analyzeTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return { totalMs: 0, rows: [] };
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const frames = [];
  const counts = new Map();
  let styledElements = 0;
  const stack = [];
  let total = 0;
  for (const event of onMain) {
    while (stack.length && stack.at(-1).end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    // A child's time is its own, not its parent's.
    if (parent) parent.self -= Math.min(event.dur, parent.end - event.ts);
    else total += event.dur;
    counts.set(event.name, (counts.get(event.name) ?? 0) + 1);
    if (event.name === 'UpdateLayoutTree') styledElements += event.args?.elementCount ?? 0;
    const frame = { name: event.name, end: event.ts + event.dur, self: event.dur };
    stack.push(frame);
    frames.push(frame);
  }
  const self = new Map();
  for (const frame of frames) self.set(frame.name, (self.get(frame.name) ?? 0) + frame.self);
  const rows = [...self]
    .filter(([, us]) => us > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total, count: counts.get(name) }));
  return { totalMs: total / 1000, rows, styledElements };
}
