import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github };
export const FORMAT_NAMES = Object.keys(formatters);
export type { FileResult, FormatContext, Formatter } from './types.js';
