import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, FormatName } from './types.js';

export const formatters: Readonly<Record<FormatName, Formatter>> = { stylish, json, sarif, github };
export { FORMAT_NAMES } from './types.js';
export type { FileResult, FormatContext, Formatter } from './types.js';
