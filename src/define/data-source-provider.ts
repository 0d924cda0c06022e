import { DataSourceProvider } from '../data-source-provider/data-source-provider.js';
import { defineElement } from './define-element.js';

defineElement('data-source-provider', DataSourceProvider);

declare global {
  interface HTMLElementTagNameMap {
    'data-source-provider': DataSourceProvider;
  }
}
