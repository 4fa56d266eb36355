/** Published minutes → markup, and markup in a house style (loaded by `referat import` and `referat profile infer`). */
export { importReferat, looksLikePortal } from '../../import/index.js';
export { decodeText } from '../../import/decode.js';
export { importDocument, ImportRefusal } from '../../import/document.js';
export { restyleMarkup } from '../../import/style.js';
