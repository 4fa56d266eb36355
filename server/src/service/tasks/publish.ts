/** The static site of many meetings (loaded by `referat publish`). */
export { buildSite, corpusBuilder, DEFAULT_BASE_URL, normaliseBaseUrl } from '../../publish/index.js';
