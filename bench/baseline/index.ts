// Entry of the baseline bundle: both plain elements, defined here (the package's "sideEffects"
// list would let esbuild drop a bare import of a module that defines itself).
import { PlainCard } from './plain-card.js';
import { PlainTable } from './plain-table.js';

customElements.define('plain-card', PlainCard);
customElements.define('plain-table', PlainTable);
