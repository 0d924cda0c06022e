import { DataSourceProvider } from '../data-source-provider/data-source-provider.js';
import { defineElement } from './define-element.js';

defineElement('data-source-provider', DataSourceProvider);
// The tag names, JSX and Vue types of every tag (see types/globals.d.ts).
export type {} from '../types/globals.js';
