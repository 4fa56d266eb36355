/** The configuration for the command line: the walk up the folders, parsing, resolution, errors (loaded on first use). */
export { ConfigFinder } from '../../config/discover.js';
export { ConfigError, defaultConfig, parseConfig, resolveConfig } from '../../config/resolve.js';
export { isProfilePath } from '../../config/profile-files.js';
