// The single-file build for CDNs and pages without a bundler: everything, tags defined.
export * from './index.js';
import './define.js';
